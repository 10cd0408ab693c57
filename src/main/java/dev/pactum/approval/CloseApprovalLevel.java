package dev.pactum.approval;

import dev.pactum.contract.ContractVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Close approval level": records how the level ended. */
@Component("closeApprovalLevel")
public class CloseApprovalLevel implements JavaDelegate {

    private final ApprovalService approvals;

    public CloseApprovalLevel(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ApprovalOutcome outcome = ApprovalOutcome.valueOf((String) execution.getVariable(ApprovalOutcome.VARIABLE));
        approvals.closeLevel(ContractVariables.contractId(execution),
                (Integer) execution.getVariable("approvalRound"),
                (Integer) execution.getVariable("approvalLevel"),
                outcome.levelState());
    }
}
