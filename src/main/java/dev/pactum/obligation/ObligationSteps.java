package dev.pactum.obligation;

import dev.pactum.contract.Contract;
import dev.pactum.process.ContractProcess.Var;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lifecycle's steps from signing to the end of the term (BPMN "Signing and performance"). Thin: each calls a
 * service that finds the contract bound to the instance and checks its status; the timer dates they write come from
 * the database. A milestone's id comes from its instance's variable, but is only ever looked up among the milestones
 * of the contract bound to the instance.
 */
@Configuration(proxyBeanMethods = false)
class ObligationSteps {

    private final SigningService signing;
    private final TermService term;
    private final PaymentService payments;
    private final Clock clock;

    ObligationSteps(SigningService signing, TermService term, PaymentService payments, Clock clock) {
        this.signing = signing;
        this.term = term;
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * BPMN "Company signs": PAdES signature on the latest rendered PDF; sets the signature's reminder times and the
     * provider it goes out through (what the gateway "Via a provider?" reads; the send step reads the record).
     */
    @Bean
    JavaDelegate signAsCompany() {
        return execution -> {
            SigningService.SignatureDeadlines deadlines = signing.signAsCompany(execution.getProcessInstanceId());
            execution.setVariable(Var.SIGNATURE_REMINDER_AT, Date.from(deadlines.remindAt()));
            execution.setVariable(Var.SIGNATURE_ESCALATE_AT, Date.from(deadlines.escalateAt()));
            execution.setVariable(Var.COUNTER_SIGNATURE_PROVIDER,
                    signing.providerOf(execution.getProcessInstanceId()).id());
        };
    }

    /** BPMN "Remind owner": the counterparty has not signed within the reminder time. */
    @Bean
    JavaDelegate remindSignature() {
        return execution -> signing.remind(execution.getProcessInstanceId());
    }

    /** BPMN "Escalate signature": still not signed; the owner's managers are told. */
    @Bean
    JavaDelegate escalateSignature() {
        return execution -> signing.escalate(execution.getProcessInstanceId());
    }

    /** BPMN "Record signed": both sides signed; waits for the start date when it is still ahead. */
    @Bean
    JavaDelegate recordContractSigned() {
        return execution -> {
            Contract contract = signing.recordSigned(execution.getProcessInstanceId());
            Date activationAt = Date.from(term.activationAt(contract));
            execution.setVariable(Var.ACTIVATION_AT, activationAt);
            execution.setVariable(Var.STARTS_LATER, activationAt.toInstant().isAfter(clock.instant()));
        };
    }

    /** BPMN "Activate contract": ACTIVE from its start date; sets when the term ends and opens the milestones. */
    @Bean
    JavaDelegate activateContract() {
        return execution -> {
            Contract contract = term.activate(execution.getProcessInstanceId());
            execution.setVariable(Var.TERM_ENDS_AT, Date.from(term.termEndsAt(contract)));
            execution.setVariable(Var.MILESTONE_IDS, new ArrayList<>(payments.openSchedule(contract)));
        };
    }

    /**
     * BPMN "Open milestone": the milestone's reminder, overdue and escalation times, local to its instance; or that
     * it waits for its project's acceptance or delivery.
     */
    @Bean
    JavaDelegate openMilestone() {
        return execution -> execution.setVariablesLocal(payments.open(execution.getProcessInstanceId(),
                execution.getVariable(Var.MILESTONE_ID)));
    }

    /** BPMN "Start the due-date clock": the project event fixed the due date; the timers follow from it. */
    @Bean
    JavaDelegate startMilestoneClock() {
        return execution -> execution.setVariablesLocal(payments.timers(execution.getProcessInstanceId(),
                execution.getVariable(Var.MILESTONE_ID)));
    }

    /** BPMN "Check payments": after a PaymentReceived, whether the payments recorded settle the milestone. */
    @Bean
    JavaDelegate checkMilestoneSettled() {
        return execution -> execution.setVariableLocal(Var.MILESTONE_SETTLED,
                payments.settled(execution.getProcessInstanceId(), execution.getVariable(Var.MILESTONE_ID)));
    }

    /** BPMN "Remind owner" (payment): a lead time before the due date. */
    @Bean
    JavaDelegate remindPayment() {
        return execution -> payments.remind(execution.getProcessInstanceId(),
                execution.getVariable(Var.MILESTONE_ID));
    }

    /** BPMN "Mark overdue": the due date passed unpaid. */
    @Bean
    JavaDelegate markMilestoneOverdue() {
        return execution -> payments.markOverdue(execution.getProcessInstanceId(),
                execution.getVariable(Var.MILESTONE_ID));
    }

    /** BPMN "Escalate overdue payment": still unpaid some working days after the due date. */
    @Bean
    JavaDelegate escalateOverduePayment() {
        return execution -> payments.escalate(execution.getProcessInstanceId(),
                execution.getVariable(Var.MILESTONE_ID));
    }

    /** Amendment process "Follow the payment schedule": withdrawn milestones end, new ones start. */
    @Bean
    JavaDelegate followPaymentSchedule() {
        return execution -> payments.followSchedule(execution.getProcessInstanceId());
    }

    /** BPMN "Expire contract": the end date passed. */
    @Bean
    JavaDelegate expireContract() {
        return execution -> term.expire(execution.getProcessInstanceId());
    }

    /** BPMN "Close terminated contract": after the interrupting "Contract terminated" event. */
    @Bean
    JavaDelegate closeTerminatedContract() {
        return execution -> term.closeTerminated(execution.getProcessInstanceId());
    }
}
