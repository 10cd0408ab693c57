package dev.pactum.approval;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.process.ContractProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Task listener on "Approve contract" (create): gives the task's own execution empty {@code decision} and
 * {@code comment} variables, so that completing the task writes them there and {@link RecordApprovalDecision}
 * reads only what this completion said, never a decision an earlier approver left in the instance; names the task
 * after its contract (number, title, amount) and describes it with the customer; announces the task
 * ({@link ApprovalTaskOpened}), so approvers who work in an IM get a card ({@link ImCardSender}).
 */
@Component("prepareApprovalTask")
class PrepareApprovalTask implements TaskListener {

    private final ContractQueries contracts;
    private final ApplicationEventPublisher events;

    PrepareApprovalTask(ContractQueries contracts, ApplicationEventPublisher events) {
        this.contracts = contracts;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().setVariableLocal(Var.DECISION, null);
        task.getExecution().setVariableLocal(Var.COMMENT, null);
        // Tasklist's list shows the name: an approver with many open approvals tells them apart by it.
        Contract contract = contracts.ofProcess(task.getProcessInstanceId());
        task.setName(nameOf(contract));
        task.setDescription(contract.getCustomer().getName());
        events.publishEvent(new ApprovalTaskOpened(task.getId(), contract.getId(),
                task.getCandidates().stream().map(IdentityLink::getGroupId).filter(group -> group != null).toList(),
                task.getCandidates().stream().map(IdentityLink::getUserId).filter(user -> user != null).toList()));
    }

    /** "审批 HT-2026-000123 · 数控机床销售 · ¥ 2,000,000.00 CNY", cut to what Tasklist shows in a line. */
    static String nameOf(Contract contract) {
        String name = "审批 " + contract.getNumber() + " · " + contract.getTitle() + " · "
                + ApprovalFormVariables.amountText(contract);
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH - 1) + "…";
    }

    /** Camunda's task name column holds 255 characters. */
    private static final int MAX_NAME_LENGTH = 255;
}
