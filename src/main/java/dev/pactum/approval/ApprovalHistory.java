package dev.pactum.approval;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.process.ContractProcess.Var;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's approval rounds as they stand right now: the record in the database plus the engine's open tasks.
 * Its {@link Level} is the one view of an approval level, here and in the contract's own view.
 */
@Service
@Transactional(readOnly = true)
public class ApprovalHistory {

    private final ContractQueries contracts;
    private final ApprovalService approvals;
    private final ApprovalDeadlines deadlines;
    private final TaskService tasks;

    ApprovalHistory(ContractQueries contracts, ApprovalService approvals, ApprovalDeadlines deadlines,
                    TaskService tasks) {
        this.contracts = contracts;
        this.approvals = approvals;
        this.deadlines = deadlines;
        this.tasks = tasks;
    }

    /** The contract's approvals if the current user may see the contract; otherwise not found. */
    public View of(long contractId) {
        Contract contract = contracts.visible(contractId);
        List<Round> rounds = approvals.rounds(contract.getId()).entrySet().stream()
                .map(round -> round(contract, round.getKey(), round.getValue()))
                .toList();
        return new View(contract.getId(), contract.getNumber(), contract.getStatus().name(),
                contract.getApprovalRound(), rounds);
    }

    /** The contract's current round; {@code null} before it was first submitted. */
    public Round currentRound(Contract contract) {
        ApprovalService.RoundProgress current = approvals.rounds(contract.getId()).get(contract.getApprovalRound());
        return current == null ? null : round(contract, contract.getApprovalRound(), current);
    }

    private Round round(Contract contract, int round, ApprovalService.RoundProgress progress) {
        boolean current = round == contract.getApprovalRound();
        List<Task> openTasks = current && contract.getProcessInstanceId() != null
                ? deadlines.openTasks(contract.getProcessInstanceId())
                : List.of();
        return new Round(round, progress.fastLaneRule(), progress.ruleSetVersion(), progress.levels().stream()
                .map(level -> level(level, level.level().getState() == ApprovalLevelState.ACTIVE ? openTasks
                        : List.of()))
                .toList());
    }

    private Level level(ApprovalService.LevelProgress progress, List<Task> openTasks) {
        ApprovalLevelEntry entry = progress.level();
        return new Level(entry.getLevel(), entry.getMode().name(), entry.getGroups(), entry.getSlaHours(),
                entry.getAddedBy(), entry.getState().name(), entry.getStartedAt(), entry.getEndedAt(),
                entry.getReminderAt(), entry.getDueAt(), entry.getRemindedAt(), entry.getEscalatedAt(),
                openTasks.stream().flatMap(task -> openTask(task, entry).stream()).toList(),
                progress.decisions().stream()
                        .map(d -> new DecisionView(d.getDecidedBy(), d.getOnBehalfOf(), d.getDecision().name(),
                                d.getComment(), d.getDecidedAt(), d.getCandidateGroups()))
                        .toList());
    }

    /**
     * The task as it is now; empty when it was completed between the query that listed it and this read (an approver
     * deciding while someone looks at the contract), which is not an error: the decision shows instead.
     */
    private Optional<OpenTask> openTask(Task task, ApprovalLevelEntry level) {
        try {
            Map<String, Object> local = tasks.getVariablesLocal(task.getId(),
                    List.of(Var.ON_BEHALF_OF, Var.DELEGATED_BY));
            return Optional.of(new OpenTask(task.getId(), deadlines.candidateGroupsOf(task.getId()),
                    task.getAssignee(), (String) local.get(Var.ON_BEHALF_OF), (String) local.get(Var.DELEGATED_BY),
                    task.getCreateTime().toInstant(), task.getDueDate() == null ? null
                    : task.getDueDate().toInstant(), task.getPriority(), level.getRemindedAt() != null,
                    level.getEscalatedAt() != null || task.getPriority() >= ApprovalDeadlines.ESCALATED_PRIORITY));
        } catch (NullValueException completedMeanwhile) {
            return Optional.empty();
        }
    }

    public record View(long contractId, String number, String status, int currentRound, List<Round> rounds) {
    }

    /** @param fastLaneRule the rule that approved the round without a human step, or {@code null} */
    public record Round(int round, String fastLaneRule, String ruleSetVersion, List<Level> levels) {
    }

    /** @param addedBy the routing rules that put groups on this level */
    public record Level(int level, String mode, List<String> groups, int slaHours, List<String> addedBy, String state,
                        Instant startedAt, Instant endedAt, Instant reminderAt, Instant dueAt, Instant remindedAt,
                        Instant escalatedAt, List<OpenTask> openTasks, List<DecisionView> decisions) {
    }

    public record OpenTask(String taskId, List<String> candidateGroups, String assignee, String onBehalfOf,
                           String delegatedBy, Instant created, Instant due, int priority, boolean reminded,
                           boolean escalated) {
    }

    public record DecisionView(String decidedBy, String onBehalfOf, String decision, String comment,
                               Instant decidedAt, String candidateGroups) {
    }
}
