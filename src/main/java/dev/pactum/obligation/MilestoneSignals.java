package dev.pactum.obligation;

import dev.pactum.process.ContractProcess.Var;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.springframework.stereotype.Component;

/**
 * Delivers a message to one payment milestone's instance of a contract's lifecycle (correlated by contract and
 * milestone). The milestone's id is the multi-instance element variable, which the waiting execution reaches through
 * its parents rather than holding it locally, so the subscription is found here instead of by a local-variable match.
 */
@Component
class MilestoneSignals {

    private final RuntimeService runtime;

    MilestoneSignals(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** @return whether milestone {@code milestoneNo} of the instance was waiting for {@code message} */
    boolean deliver(String processInstanceId, int milestoneNo, String message) {
        if (processInstanceId == null) {
            return false;
        }
        for (EventSubscription subscription : runtime.createEventSubscriptionQuery()
                .processInstanceId(processInstanceId).eventType("message").eventName(message).list()) {
            if (runtime.getVariable(subscription.getExecutionId(), Var.MILESTONE_ID) instanceof Number id
                    && id.intValue() == milestoneNo) {
                runtime.messageEventReceived(message, subscription.getExecutionId());
                return true;
            }
        }
        return false;
    }
}
