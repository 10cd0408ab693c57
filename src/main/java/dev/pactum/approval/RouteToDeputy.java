package dev.pactum.approval;

import dev.pactum.process.TasklistRefusal;
import dev.pactum.process.ContractProcess;
import dev.pactum.process.ContractProcess.Var;
import dev.pactum.contract.ContractQueries;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.MessageSource;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener on "Approve contract" (assignment): refuses an assignee who may not hold the task
 * ({@link AssignmentRules}: the owner, or someone outside its groups), whichever API assigned it; a task claimed by
 * or assigned to someone who is out of office goes to their deputy, who then decides on the absent user's behalf ({@value #Var.ON_BEHALF_OF}).
 */
@Component("routeToDeputy")
class RouteToDeputy implements TaskListener {

    private final Deputies deputies;
    private final AssignmentRules rules;
    private final ContractQueries contracts;
    private final MessageSource messages;

    RouteToDeputy(Deputies deputies, AssignmentRules rules, ContractQueries contracts, MessageSource messages) {
        this.deputies = deputies;
        this.rules = rules;
        this.contracts = contracts;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            return;
        }
        List<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null)
                .toList();
        List<String> users = task.getCandidates().stream().map(IdentityLink::getUserId).filter(u -> u != null)
                .toList();
        rules.refusal(contracts.ofProcess(task.getProcessInstanceId()), groups, users, assignee).ifPresent(key -> {
            throw TasklistRefusal.of(messages, key, assignee);
        });
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
