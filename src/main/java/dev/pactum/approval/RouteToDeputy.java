package dev.pactum.approval;

import dev.pactum.process.ContractProcess;
import dev.pactum.process.ContractProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener on "Approve contract" (assignment): a task claimed by or assigned to someone who is out of office
 * goes to their deputy, who then decides on the absent user's behalf ({@value #Var.ON_BEHALF_OF}).
 */
@Component("routeToDeputy")
class RouteToDeputy implements TaskListener {

    private final Deputies deputies;

    RouteToDeputy(Deputies deputies) {
        this.deputies = deputies;
    }

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            return;
        }
        String acting = deputies.actingFor(assignee);
        if (!acting.equals(assignee)) {
            if (task.getVariableLocal(Var.ON_BEHALF_OF) == null) {
                task.setVariableLocal(Var.ON_BEHALF_OF, assignee);
            }
            // Fires this listener once more, for a deputy who is present.
            task.setAssignee(acting);
        }
    }
}
