package dev.pactum.approval;

import dev.pactum.contract.ContractQueries;
import dev.pactum.notification.UserDirectory;
import dev.pactum.process.ContractProcess.Element;
import dev.pactum.process.ContractProcess.Var;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import dev.pactum.web.DomainException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An approver hands an approval task to someone who decides in their place (委托审批). */
@Service
@Transactional
class TaskDelegation {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final UserDirectory users;
    private final ContractQueries contracts;
    private final ApprovalNotifications notifications;
    private final AssignmentRules rules;

    public TaskDelegation(TaskService tasks, RuntimeService runtime, UserDirectory users,
                          ContractQueries contracts, ApprovalNotifications notifications,
                   AssignmentRules rules) {
        this.rules = rules;
        this.tasks = tasks;
        this.runtime = runtime;
        this.users = users;
        this.contracts = contracts;
        this.notifications = notifications;
    }

    /**
     * Assigns the task to {@code to} on behalf of {@code by}, who must be its assignee or, if nobody has claimed
     * it, one of its candidates. A deputy who is out of office passes it on to their own deputy.
     *
     * @return the task as it now stands
     */
    public Task delegate(String taskId, String by, Collection<String> byGroups, String to) {
        Task task = tasks.createTaskQuery().taskId(taskId).taskDefinitionKey(Element.APPROVE_CONTRACT)
                .singleResult();
        if (task == null || !mayDecide(task, by, byGroups)) {
            throw DomainException.notFound("pactum.task.notFound", taskId);
        }
        if (!users.exists(to)) {
            throw new InvalidRequestException(List.of(new FieldProblem("to", "pactum.validation.userUnknown", to)));
        }
        if (to.equals(by)) {
            throw new InvalidRequestException(List.of(new FieldProblem("to", "pactum.validation.deputySelf")));
        }
        List<IdentityLink> candidates = tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
        Optional<String> refusal = rules.refusal(contracts.ofProcess(task.getProcessInstanceId()),
                candidates.stream().map(IdentityLink::getGroupId).filter(group -> group != null).toList(),
                candidates.stream().map(IdentityLink::getUserId).filter(user -> user != null).toList(), to);
        if (refusal.isPresent()) {
            throw new InvalidRequestException(List.of(new FieldProblem("to", refusal.get(), to)));
        }
        tasks.setVariableLocal(taskId, Var.ON_BEHALF_OF, by);
        tasks.setVariableLocal(taskId, Var.DELEGATED_BY, by);
        tasks.setAssignee(taskId, to);
        Task delegated = tasks.createTaskQuery().taskId(taskId).singleResult();
        notifications.delegated(contracts.ofProcess(task.getProcessInstanceId()), by, delegated.getAssignee());
        return delegated;
    }

    private boolean mayDecide(Task task, String user, Collection<String> groups) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(user);
        }
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> user.equals(link.getUserId()) || groups.contains(link.getGroupId()));
    }
}
