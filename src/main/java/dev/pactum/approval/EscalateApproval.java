package dev.pactum.approval;

import dev.pactum.contract.ContractVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Escalate approval", after the timer "SLA breached" fired; the approval itself goes on waiting. */
@Component("escalateApproval")
public class EscalateApproval implements JavaDelegate {

    private final ApprovalDeadlines deadlines;

    public EscalateApproval(ApprovalDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.escalate(ContractVariables.contractId(execution),
                (Integer) execution.getVariable("approvalRound"), (Integer) execution.getVariable("approvalLevel"),
                execution.getProcessInstanceId());
    }
}
