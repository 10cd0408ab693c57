package dev.pactum.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Remind approvers", after the timer "Reminder due" (half the level's SLA) fired. */
@Component("remindApprovers")
class RemindApprovers implements JavaDelegate {

    private final ApprovalDeadlines deadlines;

    RemindApprovers(ApprovalDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.remind(execution.getProcessInstanceId());
    }
}
