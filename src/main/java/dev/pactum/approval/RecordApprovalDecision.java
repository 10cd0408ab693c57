package dev.pactum.approval;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.process.ContractProcess.ApprovalRef;
import dev.pactum.process.ContractProcess.Var;
import dev.pactum.process.TaskCompletion;
import dev.pactum.process.TasklistRefusal;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Task listener on "Approve contract" (complete): checks the approver's decision, keeps it in the approval record
 * (with whom the approver acted for) and, when it is not an approval, ends the level and the round with that
 * outcome and tells the contract's owner. A refusal here keeps the task open and shows the message in Tasklist.
 */
@Component("recordApprovalDecision")
class RecordApprovalDecision implements TaskListener {

    private final ApprovalService approvals;
    private final IdentityService identity;
    private final MessageSource messages;
    private final ContractQueries contracts;
    private final ApprovalNotifications notifications;

    RecordApprovalDecision(ApprovalService approvals, IdentityService identity, MessageSource messages,
                           ContractQueries contracts, ApprovalNotifications notifications) {
        this.approvals = approvals;
        this.identity = identity;
        this.messages = messages;
        this.contracts = contracts;
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateTask task) {
        Decision decision = Decision.parse(TaskCompletion.ownValue(task, Var.DECISION))
                .orElseThrow(() -> refusal("pactum.validation.decisionRequired"));
        String comment = Optional.ofNullable(TaskCompletion.ownValue(task, Var.COMMENT))
                .map(Object::toString).map(String::trim).filter(text -> !text.isEmpty()).orElse(null);
        if (decision.needsComment() && comment == null) {
            throw refusal("pactum.validation.commentRequired");
        }
        Contract contract = contracts.ofProcess(task.getProcessInstanceId());
        String decidedBy = decidedBy(task);
        if (contract.isOwnedBy(decidedBy)) {
            throw refusal("pactum.approval.ownContract", decidedBy);
        }
        ApprovalRef ref = approvals.activeLevel(contract.getId(), contract.getApprovalRound());
        String onBehalfOf = onBehalfOf(task, decidedBy);
        approvals.recordDecision(ref, new TaskDecision(task.getId(), candidateGroups(task), decidedBy, onBehalfOf,
                decision, comment));
        if (decision != Decision.APPROVE) {
            task.getExecution().setVariable(Var.APPROVAL_OUTCOME, ApprovalOutcome.of(decision).name());
            task.getExecution().setVariable(Var.APPROVER_COMMENT, comment);
            notifications.decisionAgainst(contract, decision, decidedBy, comment);
        }
    }

    /** The candidate groups the engine gave the task, not a variable. */
    private static String candidateGroups(DelegateTask task) {
        return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(group -> group != null).sorted()
                .collect(Collectors.joining(","));
    }

    /** The signed-in user who completed the task; without one (an engine-internal call), its assignee. */
    private String decidedBy(DelegateTask task) {
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "system";
    }

    /** Set by delegation or a deputy assignment; meaningless once the task is back with that very user. */
    private static String onBehalfOf(DelegateTask task, String decidedBy) {
        Object onBehalfOf = task.getVariableLocal(Var.ON_BEHALF_OF);
        if (onBehalfOf == null && task.getAssignee() != null && !task.getAssignee().equals(decidedBy)) {
            // Someone with the right to (an admin) completed a task assigned to another: they acted for them.
            onBehalfOf = task.getAssignee();
        }
        return onBehalfOf == null || onBehalfOf.equals(decidedBy) ? null : onBehalfOf.toString();
    }

    private IllegalArgumentException refusal(String key, Object... args) {
        return TasklistRefusal.of(messages, key, args);
    }
}
