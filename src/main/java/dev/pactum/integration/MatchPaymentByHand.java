package dev.pactum.integration;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.integration.PaymentMatchingProcess.Decision;
import dev.pactum.integration.PaymentMatchingProcess.Var;
import dev.pactum.integration.PaymentReconciliation.Outcome;
import dev.pactum.integration.PaymentReconciliation.Reported;
import dev.pactum.integration.PaymentReconciliation.Result;
import dev.pactum.obligation.ObligationProperties;
import dev.pactum.process.TaskCompletion;
import dev.pactum.process.TasklistRefusal;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Task listener on "Match payment by hand" (complete): finance puts the payment on a contract (and, if they name one,
 * a milestone) or dismisses it as not the company's. Who decides is the signed-in user, who must be in finance (or an
 * admin); the amount, date and reference are the reported ones kept by {@link PaymentMatching}, whatever variables
 * the instance holds. A refusal keeps the task open and shows the reason in Tasklist.
 */
@Component("matchPaymentByHand")
class MatchPaymentByHand implements TaskListener {

    private final PaymentMatching matching;
    private final PaymentReconciliation reconciliation;
    private final ContractQueries contracts;
    private final IdentityService identity;
    private final ObligationProperties obligation;
    private final MessageSource messages;

    MatchPaymentByHand(PaymentMatching matching, PaymentReconciliation reconciliation, ContractQueries contracts,
                       IdentityService identity, ObligationProperties obligation, MessageSource messages) {
        this.matching = matching;
        this.reconciliation = reconciliation;
        this.contracts = contracts;
        this.identity = identity;
        this.obligation = obligation;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String decidedBy = financeUser();
        PaymentMatching.Open open = matching.openFor(task.getProcessInstanceId())
                .orElseThrow(() -> refusal("pactum.integration.match.notOpen"));
        String decision = ownText(task, Var.DECISION);
        String comment = ownText(task, Var.COMMENT);
        if (Decision.DISMISS.equals(decision)) {
            if (comment == null) {
                throw refusal("pactum.integration.match.commentRequired");
            }
            matching.dismissed(open.eventId(), decidedBy, comment);
            return;
        }
        if (!Decision.MATCH.equals(decision)) {
            throw refusal("pactum.integration.match.decisionRequired");
        }
        String number = ownText(task, Var.CONTRACT_NUMBER);
        if (number == null) {
            throw refusal("pactum.integration.match.contractRequired");
        }
        Contract contract = contracts.byNumber(number.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> refusal("pactum.integration.match.contractUnknown", number));
        Result result = reconciliation.place(contract, new Reported(milestone(task), open.amount(), open.currency(),
                open.paidOn(), open.reference()), decidedBy);
        if (result.outcome() == Outcome.UNMATCHED) {
            throw refusal("pactum.integration.match.stillUnmatched", contract.getNumber(),
                    messages.getMessage("pactum.integration.unmatched." + result.reason().name(), null,
                            Locale.ENGLISH));
        }
        matching.matched(open.eventId(), contract.getId(), decidedBy, comment);
    }

    /** The signed-in user completing the task, who must work in finance (or be an admin). */
    private String financeUser() {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null || current.getUserId() == null) {
            throw refusal("pactum.integration.match.financeOnly");
        }
        List<String> groups = current.getGroupIds() != null ? current.getGroupIds()
                : identity.createGroupQuery().groupMember(current.getUserId()).list().stream().map(Group::getId)
                        .toList();
        if (!groups.contains(obligation.financeGroup()) && !groups.contains(Groups.CAMUNDA_ADMIN)) {
            throw refusal("pactum.integration.match.financeOnly");
        }
        return current.getUserId();
    }

    private static String milestone(DelegateTask task) {
        Object value = TaskCompletion.ownValue(task, Var.MILESTONE_ID);
        if (value instanceof Number number) {
            return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static String ownText(DelegateTask task, String name) {
        Object value = TaskCompletion.ownValue(task, name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private IllegalArgumentException refusal(String key, Object... args) {
        return TasklistRefusal.of(messages, key, args);
    }
}
