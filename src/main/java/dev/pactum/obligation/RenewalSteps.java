package dev.pactum.obligation;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.process.ContractProcess.Var;
import dev.pactum.process.FormText;
import dev.pactum.process.TaskCompletion;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lifecycle's renewal steps (BPMN "Signing and performance", after activation). Thin: {@link RenewalService}
 * finds the contract bound to the instance, checks its status and dates, and keeps the decisions.
 */
@Configuration(proxyBeanMethods = false)
class RenewalSteps {

    private static final String ADMIN_GROUP = "camunda-admin";

    private final RenewalService renewal;
    private final ContractQueries contracts;
    private final IdentityService identity;

    RenewalSteps(RenewalService renewal, ContractQueries contracts, IdentityService identity) {
        this.renewal = renewal;
        this.contracts = contracts;
        this.identity = identity;
    }

    /** BPMN "Plan renewal": the window, reminder, deadline and end times of the current term. */
    @Bean
    JavaDelegate planRenewal() {
        return execution -> {
            RenewalService.Plan plan = renewal.plan(execution.getProcessInstanceId());
            execution.setVariable(Var.RENEWAL_WINDOW_AT, Date.from(plan.windowOpensAt()));
            execution.setVariable(Var.RENEWAL_SECOND_REMINDER_AT, Date.from(plan.secondReminderAt()));
            execution.setVariable(Var.RENEWAL_LAST_REMINDER_AT, Date.from(plan.lastReminderAt()));
            execution.setVariable(Var.NOTICE_DEADLINE_AT, Date.from(plan.deadlinePassesAt()));
            execution.setVariable(Var.TERM_ENDS_AT, Date.from(plan.termEndsAt()));
            execution.setVariable(Var.AUTO_RENEWS, plan.autoRenews());
        };
    }

    /** BPMN "Open renewal window": EXPIRING; the owner is told. */
    @Bean
    JavaDelegate openRenewalWindow() {
        return execution -> renewal.openWindow(execution.getProcessInstanceId());
    }

    /** BPMN "Remind owner" (renewal). */
    @Bean
    JavaDelegate remindRenewal() {
        return execution -> renewal.remind(execution.getProcessInstanceId());
    }

    /** BPMN "Auto-renew": nobody objected by the deadline. */
    @Bean
    JavaDelegate autoRenewContract() {
        return execution -> renewal.autoRenew(execution.getProcessInstanceId());
    }

    /** BPMN "Create renewal contract": renew or renegotiate. */
    @Bean
    JavaDelegate createRenewalContract() {
        return execution -> renewal.createRenewalContract(execution.getProcessInstanceId());
    }

    /** BPMN "Close renewed contract": RENEWED (or EXPIRED when the renewal was not approved). */
    @Bean
    JavaDelegate closeRenewedContract() {
        return execution -> renewal.closeRenewed(execution.getProcessInstanceId());
    }

    /** Amendment process "Reschedule term": an amended end date moves the lifecycle's renewal and term timers. */
    @Bean
    JavaDelegate rescheduleContractTerm() {
        return execution -> renewal.reschedule(execution.getProcessInstanceId());
    }

    /**
     * Task listener on "Decide renewal" (create): empty form fields local to the task's execution, so a
     * completion's values land there and an earlier window's never count; the task's name and summary.
     */
    @Bean
    TaskListener prepareRenewalTask() {
        return task -> {
            task.getExecution().setVariableLocal(Var.RENEWAL_DECISION, null);
            task.getExecution().setVariableLocal(Var.RENEWAL_COMMENT, null);
            task.getExecution().setVariableLocal(Var.RENEWAL_PROPOSED_AMOUNT, null);
            Contract contract = contracts.ofProcess(task.getProcessInstanceId());
            String name = "续约决定 " + contract.getNumber() + " · " + contract.getTitle() + " · 到期 "
                    + contract.getEndDate();
            task.setName(name.length() <= 255 ? name : name.substring(0, 254) + "…");
            task.setDescription(contract.getCustomer().getName());
            task.setVariableLocal(Var.RENEWAL_SUMMARY, summary(contract));
        };
    }

    /** Task listener on "Decide renewal" (complete): checks and keeps the decision; the gateway reads the outcome. */
    @Bean
    TaskListener recordRenewalDecision() {
        return task -> {
            Authentication current = identity.getCurrentAuthentication();
            String user = current != null && current.getUserId() != null ? current.getUserId()
                    : task.getAssignee() != null ? task.getAssignee() : "system";
            List<String> groups = current == null || current.getGroupIds() == null ? List.of()
                    : current.getGroupIds();
            RenewalKind kind = renewal.recordDecision(task.getProcessInstanceId(),
                    TaskCompletion.ownValue(task, Var.RENEWAL_DECISION),
                    TaskCompletion.ownValue(task, Var.RENEWAL_COMMENT),
                    TaskCompletion.ownValue(task, Var.RENEWAL_PROPOSED_AMOUNT), user, groups.contains(ADMIN_GROUP));
            task.getExecution().setVariable(Var.RENEWAL_OUTCOME, kind.name());
        };
    }

    private String summary(Contract contract) {
        return "**%s** %s · %s\n\n到期日 End date: %s · 不续约通知截止 Notice deadline: %s · 自动续约 Auto-renews: %s"
                .formatted(contract.getNumber(), FormText.markdown(contract.getTitle()),
                        FormText.markdown(contract.getCustomer().getName()),
                        contract.getEndDate(), renewal.noticeDeadline(contract),
                        contract.getTerms().autoRenewal() ? "是 yes" : "否 no");
    }
}
