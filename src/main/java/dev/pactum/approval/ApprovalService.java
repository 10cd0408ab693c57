package dev.pactum.approval;

import dev.pactum.calendar.BusinessCalendar;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
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

    private final ContractQueries contracts;
    private final ApprovalRoundRepository rounds;
    private final ApprovalLevelRepository levels;
    private final ApprovalDecisionRepository decisions;
    private final Clock clock;
    private final BusinessCalendar calendar;

    ApprovalService(ContractQueries contracts, ApprovalRoundRepository rounds, ApprovalLevelRepository levels,
                    ApprovalDecisionRepository decisions, Clock clock, BusinessCalendar calendar) {
        this.contracts = contracts;
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

    /** Levels still open after their SLA due time, now: what operators alert on. */
    @Transactional(readOnly = true)
    public long countOpenPastSla() {
        return levels.countByStateAndDueAtBefore(ApprovalLevelState.ACTIVE, clock.instant());
    }

    /**
     * Opens the round's next level now (the first that is still pending): its reminder falls when half its SLA has
     * passed and it is due when all of it has, both counted in working-day time ({@link BusinessCalendar}).
     */
    ApprovalLevelEntry openNextLevel(long contractId, int round) {
        Instant now = clock.instant();
        ApprovalLevelEntry entry = levels.findByContractIdAndRoundOrderByLevel(contractId, round).stream()
                .filter(level -> level.getState() == ApprovalLevelState.PENDING)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No pending approval level in round %d of contract %d".formatted(round, contractId)));
        entry.open(now, calendar.plusWorkingHours(now, entry.getSlaHours() / 2.0),
                calendar.plusWorkingHours(now, entry.getSlaHours()));
        return entry;
    }

    /** The open level of the current round of the contract bound to this lifecycle instance. */
    ApprovalRef activeLevel(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        return activeLevel(contract.getId(), contract.getApprovalRound());
    }

    /**
     * The level of the round whose tasks are open now, as the record says; never as a variable says, which a
     * caller completing or updating a task could have set.
     */
    ApprovalRef activeLevel(long contractId, int round) {
        return levels.findByContractIdAndRoundOrderByLevel(contractId, round).stream()
                .filter(level -> level.getState() == ApprovalLevelState.ACTIVE)
                .findFirst()
                .map(level -> new ApprovalRef(contractId, round, level.getLevel()))
                .orElseThrow(() -> new IllegalStateException(
                        "No open approval level in round %d of contract %d".formatted(round, contractId)));
    }

    /**
     * Whether the record bears out the outcome the process is about to act on: APPROVED when the fast lane approved
     * the round or every level approved it, REJECTED or REVISE when a level ended so.
     */
    @Transactional(readOnly = true)
    boolean recordShows(long contractId, int round, ApprovalOutcome outcome) {
        List<ApprovalLevelEntry> roundLevels = levels.findByContractIdAndRoundOrderByLevel(contractId, round);
        return switch (outcome) {
            case APPROVED -> roundLevels.isEmpty()
                    ? rounds.findByContractIdOrderByRound(contractId).stream()
                            .anyMatch(entry -> entry.getRound() == round && entry.getFastLaneRule() != null)
                    : roundLevels.stream().allMatch(level -> level.getState() == ApprovalLevelState.APPROVED);
            case REJECTED -> roundLevels.stream().anyMatch(level -> level.getState() == ApprovalLevelState.REJECTED);
            case REVISE -> roundLevels.stream().anyMatch(level -> level.getState() == ApprovalLevelState.REVISE);
        };
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

    /**
     * Closes a level with the outcome its approvers' recorded decisions give: rejected if one rejected, sent back
     * if one sent it back, else approved. When it did not approve, the levels after it are never reached.
     */
    void closeLevel(ApprovalRef ref) {
        List<Decision> given = decisions.findByApprovalLevelIdInOrderByDecidedAt(List.of(level(ref).getId())).stream()
                .map(ApprovalDecision::getDecision).toList();
        ApprovalLevelState outcome = given.contains(Decision.REJECT) ? ApprovalLevelState.REJECTED
                : given.contains(Decision.REVISE) ? ApprovalLevelState.REVISE : ApprovalLevelState.APPROVED;
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
