package dev.pactum.approval;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A contract's approval rounds as they stand right now: the record in the database plus the engine's open tasks. */
@Service
@Transactional(readOnly = true)
public class ApprovalHistory {

    private final ContractQueries contracts;
    private final ApprovalService approvals;
    private final ApprovalDeadlines deadlines;
    private final TaskService tasks;

    public ApprovalHistory(ContractQueries contracts, ApprovalService approvals, ApprovalDeadlines deadlines,
                           TaskService tasks) {
        this.contracts = contracts;
        this.approvals = approvals;
        this.deadlines = deadlines;
        this.tasks = tasks;
    }

    /** The contract's approvals if the current user may see the contract; otherwise not found. */
    public View of(long contractId) {
        Contract contract = contracts.visible(contractId);
        List<Task> openTasks = contract.getProcessInstanceId() == null
                ? List.of()
                : deadlines.openTasks(contract.getProcessInstanceId());
        List<Round> rounds = approvals.rounds(contract).entrySet().stream()
                .map(round -> new Round(round.getKey(), round.getValue().stream()
                        .map(progress -> level(progress, progress.level().getState() == ApprovalLevelState.ACTIVE
                                && round.getKey() == contract.getApprovalRound() ? openTasks : List.of()))
                        .toList()))
                .toList();
        return new View(contract.getId(), contract.getNumber(), contract.getStatus().name(),
                contract.getApprovalRound(), rounds);
    }

    private Level level(ApprovalService.LevelProgress progress, List<Task> openTasks) {
        ApprovalLevelEntry entry = progress.level();
        return new Level(entry.getLevel(), entry.getMode().name(), entry.getGroups(), entry.getSlaHours(),
                entry.getState().name(), entry.getStartedAt(), entry.getEndedAt(), entry.getReminderAt(),
                entry.getDueAt(), entry.getRemindedAt(), entry.getEscalatedAt(),
                openTasks.stream().map(task -> openTask(task, entry)).toList(),
                progress.decisions().stream()
                        .map(d -> new DecisionView(d.getDecidedBy(), d.getOnBehalfOf(), d.getDecision().name(),
                                d.getComment(), d.getDecidedAt(), d.getCandidateGroups()))
                        .toList());
    }

    private OpenTask openTask(Task task, ApprovalLevelEntry level) {
        Map<String, Object> local = tasks.getVariablesLocal(task.getId(),
                List.of(RouteToDeputy.ON_BEHALF_OF, RouteToDeputy.DELEGATED_BY));
        return new OpenTask(task.getId(), deadlines.candidateGroupsOf(task.getId()), task.getAssignee(),
                (String) local.get(RouteToDeputy.ON_BEHALF_OF), (String) local.get(RouteToDeputy.DELEGATED_BY),
                task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getPriority(), level.getRemindedAt() != null,
                level.getEscalatedAt() != null || task.getPriority() >= ApprovalDeadlines.ESCALATED_PRIORITY);
    }

    public record View(long contractId, String number, String status, int currentRound, List<Round> rounds) {
    }

    public record Round(int round, List<Level> levels) {
    }

    public record Level(int level, String mode, List<String> groups, int slaHours, String state, Instant startedAt,
                        Instant endedAt, Instant reminderAt, Instant dueAt, Instant remindedAt, Instant escalatedAt,
                        List<OpenTask> openTasks, List<DecisionView> decisions) {
    }

    public record OpenTask(String taskId, List<String> candidateGroups, String assignee, String onBehalfOf,
                           String delegatedBy, Instant created, Instant due, int priority, boolean reminded,
                           boolean escalated) {
    }

    public record DecisionView(String decidedBy, String onBehalfOf, String decision, String comment,
                               Instant decidedAt, String candidateGroups) {
    }
}
