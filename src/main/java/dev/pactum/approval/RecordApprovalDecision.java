package dev.pactum.approval;

import dev.pactum.contract.ContractQueries;
import dev.pactum.process.ContractProcess.ApprovalRef;
import dev.pactum.process.ContractProcess.Var;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
        Decision decision = Decision.parse(task.getVariable(Var.DECISION))
                .orElseThrow(() -> refusal("pactum.validation.decisionRequired"));
        String comment = Optional.ofNullable(task.getVariable(Var.COMMENT)).map(Object::toString)
                .map(String::trim).filter(text -> !text.isEmpty()).orElse(null);
        if (decision.needsComment() && comment == null) {
            throw refusal("pactum.validation.commentRequired");
        }
        ApprovalRef ref = ApprovalRef.of(task);
        String decidedBy = decidedBy(task);
        approvals.recordDecision(ref, new TaskDecision(task.getId(), (String) task.getVariable(Var.CANDIDATE_GROUPS),
                decidedBy, onBehalfOf(task, decidedBy), decision, comment));
        if (decision != Decision.APPROVE) {
            task.getExecution().setVariable(Var.APPROVAL_OUTCOME, ApprovalOutcome.of(decision).name());
            task.getExecution().setVariable(Var.APPROVER_COMMENT, comment);
            notifications.decisionAgainst(contracts.get(ref.contractId()), decision, decidedBy, comment);
        }
    }

    /** The one who completed the task: its assignee, or the user the engine call was made as. */
    private String decidedBy(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication current = identity.getCurrentAuthentication();
        return current != null ? current.getUserId() : "system";
    }

    /** Set by delegation or a deputy assignment; meaningless once the task is back with that very user. */
    private static String onBehalfOf(DelegateTask task, String decidedBy) {
        Object onBehalfOf = task.getVariableLocal(Var.ON_BEHALF_OF);
        return onBehalfOf == null || onBehalfOf.equals(decidedBy) ? null : onBehalfOf.toString();
    }

    private IllegalArgumentException refusal(String key) {
        // Tasklist shows the engine's message as is and sends no language, so say it in both.
        return new IllegalArgumentException(messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE) + " / "
                + messages.getMessage(key, null, Locale.ENGLISH));
    }
}
