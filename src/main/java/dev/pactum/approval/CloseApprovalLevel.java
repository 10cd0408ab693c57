package dev.pactum.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Close approval level": records how the level ended, as its approvers' decisions say. */
@Component("closeApprovalLevel")
class CloseApprovalLevel implements JavaDelegate {

    private final ApprovalService approvals;

    CloseApprovalLevel(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approvals.closeLevel(approvals.activeLevel(execution.getProcessInstanceId()));
    }
}
