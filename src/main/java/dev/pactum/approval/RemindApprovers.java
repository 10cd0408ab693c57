package dev.pactum.approval;

import dev.pactum.contract.ContractVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Remind approvers", after the timer "Reminder due" (half the level's SLA) fired. */
@Component("remindApprovers")
public class RemindApprovers implements JavaDelegate {

    private final ApprovalDeadlines deadlines;

    public RemindApprovers(ApprovalDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.remind(ContractVariables.contractId(execution), (Integer) execution.getVariable("approvalRound"),
                (Integer) execution.getVariable("approvalLevel"), execution.getProcessInstanceId());
    }
}
