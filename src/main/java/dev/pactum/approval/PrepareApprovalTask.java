package dev.pactum.approval;

import dev.pactum.process.ContractProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener on "Approve contract" (create): gives the task's own execution empty {@code decision} and
 * {@code comment} variables, so that completing the task writes them there and {@link RecordApprovalDecision}
 * reads only what this completion said, never a decision an earlier approver left in the instance.
 */
@Component("prepareApprovalTask")
class PrepareApprovalTask implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().setVariableLocal(Var.DECISION, null);
        task.getExecution().setVariableLocal(Var.COMMENT, null);
    }
}
