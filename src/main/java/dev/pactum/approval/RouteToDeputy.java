package dev.pactum.approval;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener on "Approve contract" (assignment): a task claimed by or assigned to someone who is out of office
 * goes to their deputy, who then decides on the absent user's behalf ({@value #ON_BEHALF_OF}).
 */
@Component("routeToDeputy")
public class RouteToDeputy implements TaskListener {

    /** Task-local: whom the assignee acts for (who delegated the task to them, or whom they deputise for). */
    public static final String ON_BEHALF_OF = "onBehalfOf";
    /** Task-local: who handed the task on with "delegate". */
    public static final String DELEGATED_BY = "delegatedBy";

    private final Deputies deputies;

    public RouteToDeputy(Deputies deputies) {
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
            if (task.getVariableLocal(ON_BEHALF_OF) == null) {
                task.setVariableLocal(ON_BEHALF_OF, assignee);
            }
            // Fires this listener once more, for a deputy who is present.
            task.setAssignee(acting);
        }
    }
}
