package dev.pactum.obligation;

import dev.pactum.process.ContractProcess.Element;
import dev.pactum.process.ContractProcess.Var;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.springframework.stereotype.Component;

/**
 * Starts instances of "Payment milestone" for milestones an approved amendment added, in a running lifecycle: as more
 * instances of the multi-instance while it runs (its counters follow), or, when every earlier milestone was already
 * done and its token waits at the "Term ended and paid" join, as the multi-instance anew with that token withdrawn,
 * so the join still waits for exactly one token from the milestones.
 */
@Component
class MilestoneInstances {

    private static final String MULTI_INSTANCE_BODY = Element.PAYMENT_MILESTONES + "#multiInstanceBody";
    private static final String OBLIGATIONS_JOIN = "obligationsJoin";

    private final RuntimeService runtime;

    MilestoneInstances(RuntimeService runtime) {
        this.runtime = runtime;
    }

    void start(String processInstanceId, List<Integer> milestoneIds) {
        if (milestoneIds.isEmpty()) {
            return;
        }
        ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
        ActivityInstance[] bodies = tree.getActivityInstances(MULTI_INSTANCE_BODY);
        ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(processInstanceId);
        if (bodies.length > 0) {
            for (Integer id : milestoneIds) {
                modification.startBeforeActivity(Element.PAYMENT_MILESTONES, bodies[0].getId())
                        .setVariableLocal(Var.MILESTONE_ID, id);
            }
            modification.execute();
            return;
        }
        ActivityInstance[] inForce = tree.getActivityInstances(Element.CONTRACT_IN_FORCE);
        if (inForce.length == 0) {
            throw new IllegalStateException("the lifecycle " + processInstanceId + " is no longer in force");
        }
        runtime.setVariable(processInstanceId, Var.MILESTONE_IDS, new ArrayList<>(milestoneIds));
        modification.startBeforeActivity(MULTI_INSTANCE_BODY, inForce[0].getId());
        for (ActivityInstance join : tree.getActivityInstances(OBLIGATIONS_JOIN)) {
            modification.cancelActivityInstance(join.getId());
        }
        modification.execute();
    }
}
