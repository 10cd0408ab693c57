package dev.pactum.approval;

import dev.pactum.calendar.BusinessCalendar;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractFactsAssembler;
import dev.pactum.risk.RiskAssessment;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each contract's approval chain and decisions: the record the API and the forms show. */
@Service
@Transactional
public class ApprovalService {

    private final ApprovalRoutingService routing;
    private final ContractFactsAssembler facts;
    private final ApprovalLevelRepository levels;
    private final ApprovalDecisionRepository decisions;
    private final Clock clock;
    private final BusinessCalendar calendar;

    public ApprovalService(ApprovalRoutingService routing, ContractFactsAssembler facts,
                           ApprovalLevelRepository levels, ApprovalDecisionRepository decisions, Clock clock,
                           BusinessCalendar calendar) {
        this.routing = routing;
        this.facts = facts;
        this.levels = levels;
        this.decisions = decisions;
        this.clock = clock;
        this.calendar = calendar;
    }

    /**
     * Starts a new approval round: the rules decide the chain, which is stored level by level. A fast-lane chain
     * has no level; the contract records the rule that approved it.
     */
    public List<ApprovalLevelEntry> startRound(Contract contract, RiskAssessment risk) {
        int round = contract.startApprovalRound();
        ApprovalChain chain = routing.route(facts.factsOf(contract), risk);
        contract.recordRouting(chain.fastLaneRule(), chain.ruleSetVersion());
        return levels.saveAll(chain.levels().stream()
                .map(level -> new ApprovalLevelEntry(contract.getId(), round, level, chain.ruleSetVersion()))
                .toList());
    }

    /**
     * Opens a level at {@code now}: its reminder falls when half its SLA has passed and it is due when all of it
     * has, both counted in working-day time ({@link BusinessCalendar}).
     */
    public ApprovalLevelEntry openLevel(long contractId, int round, int level, Instant now) {
        ApprovalLevelEntry entry = level(contractId, round, level);
        entry.open(now, calendar.plusWorkingHours(now, entry.getSlaHours() / 2.0),
                calendar.plusWorkingHours(now, entry.getSlaHours()));
        return entry;
    }

    /** @param onBehalfOf whom the decider acted for (a delegator or the absent user they deputise for), or null */
    public ApprovalDecision recordDecision(long contractId, int round, int level, String taskId,
                                           String candidateGroups, String decidedBy, String onBehalfOf,
                                           Decision decision, String comment) {
        ApprovalLevelEntry entry = level(contractId, round, level);
        return decisions.save(new ApprovalDecision(entry.getId(), taskId, candidateGroups, decidedBy, onBehalfOf,
                decision, comment, Instant.now(clock)));
    }

    public ApprovalLevelEntry markReminded(long contractId, int round, int level, Instant now) {
        ApprovalLevelEntry entry = level(contractId, round, level);
        entry.reminded(now);
        return entry;
    }

    public ApprovalLevelEntry markEscalated(long contractId, int round, int level, Instant now) {
        ApprovalLevelEntry entry = level(contractId, round, level);
        entry.escalated(now);
        return entry;
    }

    @Transactional(readOnly = true)
    public Optional<ApprovalLevelEntry> findLevel(long contractId, int round, int level) {
        return levels.findByContractIdAndRoundAndLevel(contractId, round, level);
    }

    /** Closes a level with the outcome; when it did not approve, the levels after it are never reached. */
    public void closeLevel(long contractId, int round, int level, ApprovalLevelState outcome) {
        Instant now = Instant.now(clock);
        for (ApprovalLevelEntry entry : levels.findByContractIdAndRoundOrderByLevel(contractId, round)) {
            if (entry.getLevel() == level) {
                entry.close(outcome, now);
            } else if (entry.getLevel() > level && outcome != ApprovalLevelState.APPROVED) {
                entry.close(ApprovalLevelState.SKIPPED, now);
            }
        }
    }

    /** The chain of the contract's current round, with each level's decisions so far. */
    @Transactional(readOnly = true)
    public List<LevelProgress> progress(Contract contract) {
        List<ApprovalLevelEntry> entries =
                levels.findByContractIdAndRoundOrderByLevel(contract.getId(), contract.getApprovalRound());
        Map<Long, List<ApprovalDecision>> byLevel = decisions
                .findByApprovalLevelIdInOrderByDecidedAt(entries.stream().map(ApprovalLevelEntry::getId).toList())
                .stream().collect(Collectors.groupingBy(ApprovalDecision::getApprovalLevelId));
        return entries.stream()
                .map(entry -> new LevelProgress(entry, byLevel.getOrDefault(entry.getId(), List.of())))
                .toList();
    }

    /** Every round of the contract, oldest first, each level with its decisions. */
    @Transactional(readOnly = true)
    public Map<Integer, List<LevelProgress>> rounds(Contract contract) {
        List<ApprovalLevelEntry> entries = levels.findByContractIdOrderByRoundAscLevelAsc(contract.getId());
        Map<Long, List<ApprovalDecision>> byLevel = decisions
                .findByApprovalLevelIdInOrderByDecidedAt(entries.stream().map(ApprovalLevelEntry::getId).toList())
                .stream().collect(Collectors.groupingBy(ApprovalDecision::getApprovalLevelId));
        return entries.stream().collect(Collectors.groupingBy(ApprovalLevelEntry::getRound,
                java.util.TreeMap::new,
                Collectors.mapping(entry -> new LevelProgress(entry, byLevel.getOrDefault(entry.getId(), List.of())),
                        Collectors.toList())));
    }

    public int levelCount(long contractId, int round) {
        return levels.findByContractIdAndRoundOrderByLevel(contractId, round).size();
    }

    private ApprovalLevelEntry level(long contractId, int round, int level) {
        return levels.findByContractIdAndRoundAndLevel(contractId, round, level)
                .orElseThrow(() -> new IllegalStateException(
                        "No approval level %d in round %d of contract %d".formatted(level, round, contractId)));
    }

    public record LevelProgress(ApprovalLevelEntry level, List<ApprovalDecision> decisions) {
    }
}
