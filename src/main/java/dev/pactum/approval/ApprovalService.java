package dev.pactum.approval;

import dev.pactum.calendar.BusinessCalendar;
import dev.pactum.process.ContractProcess.ApprovalRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each contract's approval rounds, levels and decisions: the record the API and the forms show. */
@Service
@Transactional
public class ApprovalService {

    private final ApprovalRoundRepository rounds;
    private final ApprovalLevelRepository levels;
    private final ApprovalDecisionRepository decisions;
    private final Clock clock;
    private final BusinessCalendar calendar;

    ApprovalService(ApprovalRoundRepository rounds, ApprovalLevelRepository levels,
                    ApprovalDecisionRepository decisions, Clock clock, BusinessCalendar calendar) {
        this.rounds = rounds;
        this.levels = levels;
        this.decisions = decisions;
        this.clock = clock;
        this.calendar = calendar;
    }

    /**
     * Records a new approval round with the chain the routing rules decided, level by level. A fast-lane chain has
     * no level; the round records the rule that approved it.
     *
     * @return how many levels the round has
     */
    public int startRound(long contractId, int round, ApprovalChain chain) {
        rounds.save(new ApprovalRoundEntry(contractId, round, chain, clock.instant()));
        levels.saveAll(chain.levels().stream()
                .map(level -> new ApprovalLevelEntry(contractId, round, level, chain.ruleSetVersion()))
                .toList());
        return chain.levels().size();
    }

    /**
     * Opens a level now: its reminder falls when half its SLA has passed and it is due when all of it has, both
     * counted in working-day time ({@link BusinessCalendar}).
     */
    ApprovalLevelEntry openLevel(ApprovalRef ref) {
        Instant now = clock.instant();
        ApprovalLevelEntry entry = level(ref);
        entry.open(now, calendar.plusWorkingHours(now, entry.getSlaHours() / 2.0),
                calendar.plusWorkingHours(now, entry.getSlaHours()));
        return entry;
    }

    ApprovalDecision recordDecision(ApprovalRef ref, TaskDecision decided) {
        ApprovalLevelEntry entry = level(ref);
        return decisions.save(new ApprovalDecision(entry.getId(), decided.taskId(), decided.candidateGroups(),
                decided.decidedBy(), decided.onBehalfOf(), decided.decision(), decided.comment(), clock.instant()));
    }

    ApprovalLevelEntry markReminded(ApprovalRef ref) {
        ApprovalLevelEntry entry = level(ref);
        entry.reminded(clock.instant());
        return entry;
    }

    ApprovalLevelEntry markEscalated(ApprovalRef ref) {
        ApprovalLevelEntry entry = level(ref);
        entry.escalated(clock.instant());
        return entry;
    }

    @Transactional(readOnly = true)
    Optional<ApprovalLevelEntry> findLevel(ApprovalRef ref) {
        return levels.findByContractIdAndRoundAndLevel(ref.contractId(), ref.round(), ref.level());
    }

    /** Closes a level with the outcome; when it did not approve, the levels after it are never reached. */
    void closeLevel(ApprovalRef ref, ApprovalLevelState outcome) {
        Instant now = clock.instant();
        for (ApprovalLevelEntry entry : levels.findByContractIdAndRoundOrderByLevel(ref.contractId(), ref.round())) {
            if (entry.getLevel() == ref.level()) {
                entry.close(outcome, now);
            } else if (entry.getLevel() > ref.level() && outcome != ApprovalLevelState.APPROVED) {
                entry.close(ApprovalLevelState.SKIPPED, now);
            }
        }
    }

    /** Every round of the contract, oldest first, each level with its decisions. */
    @Transactional(readOnly = true)
    Map<Integer, RoundProgress> rounds(long contractId) {
        List<ApprovalLevelEntry> entries = levels.findByContractIdOrderByRoundAscLevelAsc(contractId);
        Map<Long, List<ApprovalDecision>> byLevel = decisions
                .findByApprovalLevelIdInOrderByDecidedAt(entries.stream().map(ApprovalLevelEntry::getId).toList())
                .stream().collect(Collectors.groupingBy(ApprovalDecision::getApprovalLevelId));
        Map<Integer, RoundProgress> progress = new TreeMap<>();
        rounds.findByContractIdOrderByRound(contractId).forEach(round -> progress.put(round.getRound(),
                new RoundProgress(round.getFastLaneRule(), round.getRuleSetVersion(), new ArrayList<>())));
        for (ApprovalLevelEntry entry : entries) {
            progress.computeIfAbsent(entry.getRound(), round -> new RoundProgress(null, entry.getRuleSetVersion(),
                            new ArrayList<>()))
                    .levels().add(new LevelProgress(entry, byLevel.getOrDefault(entry.getId(), List.of())));
        }
        return progress;
    }

    int levelCount(long contractId, int round) {
        return levels.findByContractIdAndRoundOrderByLevel(contractId, round).size();
    }

    private ApprovalLevelEntry level(ApprovalRef ref) {
        return findLevel(ref).orElseThrow(() -> new IllegalStateException(
                "No approval level %d in round %d of contract %d".formatted(ref.level(), ref.round(),
                        ref.contractId())));
    }

    record RoundProgress(String fastLaneRule, String ruleSetVersion, List<LevelProgress> levels) {
    }

    record LevelProgress(ApprovalLevelEntry level, List<ApprovalDecision> decisions) {
    }
}
