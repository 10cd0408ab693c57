package dev.pactum.approval;

import dev.pactum.process.ContractProcess.ApprovalRef;
import dev.pactum.process.ContractProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Close approval level": records how the level ended. */
@Component("closeApprovalLevel")
class CloseApprovalLevel implements JavaDelegate {

    private final ApprovalService approvals;

    CloseApprovalLevel(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ApprovalOutcome outcome = ApprovalOutcome.valueOf((String) execution.getVariable(Var.APPROVAL_OUTCOME));
        approvals.closeLevel(ApprovalRef.of(execution), outcome.levelState());
    }
}
