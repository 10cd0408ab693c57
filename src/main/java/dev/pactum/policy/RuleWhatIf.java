package dev.pactum.policy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.pactum.approval.ApprovalChain;
import dev.pactum.approval.ApprovalLevel;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.risk.RiskAssessment;
import dev.pactum.risk.RiskFinding;
import dev.pactum.rules.RuleBase;
import dev.pactum.rules.RuleCompilationException;
import dev.pactum.rules.RuleFiles;
import dev.pactum.rules.RuleSource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replays a candidate rule set against the live one over the newest real contracts, without writing anything:
 * what would change in risk and in who approves, contract by contract.
 */
@Service
class RuleWhatIf {

    private final RuleBase live;
    private final ContractQueries contracts;
    private final ContractFactsAssembler facts;
    private final ResourcePatternResolver resolver;

    public RuleWhatIf(RuleBase live, ContractQueries contracts, ContractFactsAssembler facts,
                      ResourcePatternResolver resolver) {
        this.live = live;
        this.contracts = contracts;
        this.facts = facts;
        this.resolver = resolver;
    }

    /**
     * The live rule files with {@code files} put over them, by name ({@code rules/approval-routing.drl}). DRL is
     * given as text, a workbook ({@code .xlsx}/{@code .xls}) as base64.
     */
    public List<RuleSource> candidateFrom(Map<String, String> files) {
        Map<String, RuleSource> sources = new TreeMap<>();
        live.sources().forEach(source -> sources.put(source.name(), source));
        files.forEach((name, content) -> {
            RuleSource given = new RuleSource(name, content);
            sources.put(name, given.isDecisionTable() ? new RuleSource(name, Base64.getMimeDecoder().decode(content))
                    : given);
        });
        return new ArrayList<>(sources.values());
    }

    /** The rule files under a folder or classpath location. */
    public List<RuleSource> candidateAt(String location) {
        return RuleFiles.read(location, resolver);
    }

    /** @throws RuleCompilationException when the candidate does not compile, naming file and line */
    @Transactional(readOnly = true)
    public WhatIfReport replay(List<RuleSource> candidateSources, int lastContracts) {
        RuleBase candidate = RuleBase.compile(candidateSources);
        RuleBase current = RuleBase.compile(live.sources());
        List<WhatIfReport.ContractChange> changes = new ArrayList<>();
        for (Contract contract : contracts.newest(Math.max(1, lastContracts))) {
            ContractFacts contractFacts = facts.factsOf(contract);
            changes.add(compare(contract.getNumber(), ContractPolicy.decide(current, contractFacts),
                    ContractPolicy.decide(candidate, contractFacts)));
        }
        return new WhatIfReport(current.version(), candidate.version(), changes.size(), summarize(changes), changes);
    }

    private static WhatIfReport.ContractChange compare(String number, PolicyDecision before, PolicyDecision after) {
        List<String> findingsBefore = findings(before.risk());
        List<String> findingsAfter = findings(after.risk());
        Map<String, ApprovalLevel> stepsBefore = steps(before.chain());
        Map<String, ApprovalLevel> stepsAfter = steps(after.chain());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> levelMoves = new ArrayList<>();
        List<String> modeChanges = new ArrayList<>();
        stepsAfter.forEach((group, level) -> {
            ApprovalLevel was = stepsBefore.get(group);
            if (was == null) {
                added.add(group + " @ " + level.level());
            } else if (was.level() != level.level()) {
                levelMoves.add(group + ": level " + was.level() + " → " + level.level());
            } else if (was.mode() != level.mode()) {
                modeChanges.add(group + ": " + was.mode() + " → " + level.mode());
            }
        });
        stepsBefore.forEach((group, level) -> {
            if (!stepsAfter.containsKey(group)) {
                removed.add(group + " @ " + level.level());
            }
        });
        boolean fastBefore = before.chain().fastLaneRule() != null;
        boolean fastAfter = after.chain().fastLaneRule() != null;
        List<String> levelChanges = new ArrayList<>(levelMoves);
        levelChanges.addAll(modeChanges);
        return new WhatIfReport.ContractChange(number, before.risk().score(), after.risk().score(),
                before.risk().level().name(), after.risk().level().name(),
                minus(findingsAfter, findingsBefore), minus(findingsBefore, findingsAfter),
                describe(before.chain()), describe(after.chain()), added, removed, levelChanges, levelMoves.size(),
                modeChanges.size(), !fastBefore && fastAfter, fastBefore && !fastAfter,
                !before.chain().sameApproversAs(after.chain()), before.risk().level() != after.risk().level());
    }

    private static WhatIfReport.Summary summarize(List<WhatIfReport.ContractChange> changes) {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (WhatIfReport.ContractChange change : changes) {
            count(byKind, "STEP_ADDED", change.stepsAdded().size());
            count(byKind, "STEP_REMOVED", change.stepsRemoved().size());
            count(byKind, "LEVEL_CHANGED", change.levelsMoved());
            count(byKind, "MODE_CHANGED", change.modesChanged());
            count(byKind, "FAST_LANE_GAINED", change.fastLaneGained() ? 1 : 0);
            count(byKind, "FAST_LANE_LOST", change.fastLaneLost() ? 1 : 0);
            count(byKind, "RISK_LEVEL_CHANGED", change.riskLevelChanged() ? 1 : 0);
            count(byKind, "RISK_SCORE_CHANGED", change.riskScoreBefore() != change.riskScoreAfter() ? 1 : 0);
            count(byKind, "FINDING_ADDED", change.findingsAdded().size());
            count(byKind, "FINDING_REMOVED", change.findingsRemoved().size());
        }
        return new WhatIfReport.Summary(
                (int) changes.stream().filter(WhatIfReport.ContractChange::routingChanged).count(),
                (int) changes.stream().filter(WhatIfReport.ContractChange::riskLevelChanged).count(),
                (int) changes.stream().filter(c -> c.riskScoreBefore() != c.riskScoreAfter()).count(),
                (int) changes.stream().filter(WhatIfReport.ContractChange::fastLaneGained).count(),
                (int) changes.stream().filter(WhatIfReport.ContractChange::fastLaneLost).count(),
                byKind);
    }

    private static void count(Map<String, Integer> byKind, String kind, int times) {
        if (times > 0) {
            byKind.merge(kind, times, Integer::sum);
        }
    }

    private static List<String> findings(RiskAssessment risk) {
        return risk.findings().stream().map(RuleWhatIf::finding).sorted().toList();
    }

    private static String finding(RiskFinding finding) {
        return finding.rule() + (finding.clauseId() == null ? "" : " [" + finding.clauseId() + "]")
                + " +" + finding.points();
    }

    /** Multiset difference: each element of {@code from} not matched by one in {@code without}. */
    private static List<String> minus(List<String> from, List<String> without) {
        List<String> left = new ArrayList<>(without);
        List<String> result = new ArrayList<>();
        for (String item : from) {
            if (!left.remove(item)) {
                result.add(item);
            }
        }
        return result;
    }

    private static Map<String, ApprovalLevel> steps(ApprovalChain chain) {
        Map<String, ApprovalLevel> steps = new TreeMap<>();
        chain.levels().forEach(level -> level.groups().forEach(group -> steps.putIfAbsent(group, level)));
        return steps;
    }

    private static List<String> describe(ApprovalChain chain) {
        if (chain.fastLaneRule() != null) {
            return List.of("fast lane: " + chain.fastLaneRule());
        }
        return chain.levels().stream().map(level -> level.level() + " " + level.mode() + " " + level.groups()).toList();
    }
}
