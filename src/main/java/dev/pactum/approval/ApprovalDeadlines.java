package dev.pactum.approval;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.notification.UserDirectory;
import dev.pactum.process.ContractProcess.ApprovalRef;
import dev.pactum.process.ContractProcess.Element;
import dev.pactum.process.ContractProcess.Var;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What happens when half of a level's SLA has passed (a reminder) and when all of it has (an escalation). */
@Service
@Transactional
public class ApprovalDeadlines {

    /** Camunda's default task priority is 50; an overdue task sorts above every task that is not. */
    static final int ESCALATED_PRIORITY = 80;

    private final ApprovalService approvals;
    private final ContractQueries contracts;
    private final TaskService tasks;
    private final UserDirectory users;
    private final ApprovalNotifications notifications;
    private final ApprovalProperties properties;

    ApprovalDeadlines(ApprovalService approvals, ContractQueries contracts, TaskService tasks,
                             UserDirectory users, ApprovalNotifications notifications, ApprovalProperties properties) {
        this.approvals = approvals;
        this.contracts = contracts;
        this.tasks = tasks;
        this.users = users;
        this.notifications = notifications;
        this.properties = properties;
    }

    /** Reminds whoever may decide the level's open tasks: the assignee of a claimed task, else its candidates. */
    public void remind(String processInstanceId) {
        ApprovalRef ref = approvals.activeLevel(processInstanceId);
        Contract contract = contracts.get(ref.contractId());
        ApprovalLevelEntry entry = approvals.markReminded(ref);
        Set<String> approvers = new LinkedHashSet<>();
        openTasks(processInstanceId).forEach(task -> approvers.addAll(candidatesOf(task)));
        notifications.reminder(contract, entry, approvers);
    }

    /** Escalates with the configured policy ({@code pactum.approval.escalation.reassign-to-manager}). */
    public void escalate(String processInstanceId) {
        escalate(processInstanceId, properties.escalation().reassignToManager());
    }

    /**
     * Marks the level escalated and its open tasks urgent, optionally hands each task to its group's manager, and
     * tells the next level's approvers (they are coming) and the contract's owner.
     */
    public void escalate(String processInstanceId, boolean reassignToManager) {
        ApprovalRef ref = approvals.activeLevel(processInstanceId);
        Contract contract = contracts.get(ref.contractId());
        ApprovalLevelEntry entry = approvals.markEscalated(ref);
        List<String> reassignedTo = new ArrayList<>();
        for (Task task : openTasks(processInstanceId)) {
            tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
            if (reassignToManager) {
                managerOf(task).filter(manager -> !manager.equals(task.getAssignee())).ifPresent(manager -> {
                    tasks.removeVariableLocal(task.getId(), Var.ON_BEHALF_OF);
                    tasks.setAssignee(task.getId(), manager);
                    reassignedTo.add(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee());
                });
            }
        }
        Set<String> recipients = new LinkedHashSet<>();
        approvals.findLevel(ref.next())
                .ifPresent(next -> recipients.addAll(users.membersOf(next.getGroups())));
        recipients.add(contract.getOwner());
        recipients.addAll(reassignedTo);
        notifications.escalation(contract, entry, recipients, reassignedTo);
    }

    List<Task> openTasks(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(Element.APPROVE_CONTRACT)
                .orderByTaskCreateTime().asc().list();
    }

    List<String> candidateGroupsOf(String taskId) {
        return candidateLinks(taskId).stream().map(IdentityLink::getGroupId).filter(id -> id != null).toList();
    }

    private Set<String> candidatesOf(Task task) {
        if (task.getAssignee() != null) {
            return Set.of(task.getAssignee());
        }
        List<IdentityLink> links = candidateLinks(task.getId());
        Set<String> candidates = new LinkedHashSet<>(users.membersOf(
                links.stream().map(IdentityLink::getGroupId).filter(id -> id != null).toList()));
        links.stream().map(IdentityLink::getUserId).filter(id -> id != null).forEach(candidates::add);
        return candidates;
    }

    private Optional<String> managerOf(Task task) {
        return candidateGroupsOf(task.getId()).stream()
                .map(group -> properties.groupManagers().get(group))
                .filter(manager -> manager != null)
                .findFirst();
    }

    private List<IdentityLink> candidateLinks(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .toList();
    }
}
