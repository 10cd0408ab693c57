package dev.pactum.contract;

import dev.pactum.process.ContractProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Execution listener on the start of an amendment's approval: only Pactum's own request of that amendment may start
 * it (a start through the engine's REST API is refused); the contract's id, owner and number then come from the
 * database, whatever the start request said.
 */
@Component("bindAmendmentToProcess")
class BindAmendmentToProcess implements ExecutionListener {

    private final ContractAmendments amendments;
    private final ContractRepository contracts;
    private final ContractHistoryAccess historyAccess;

    BindAmendmentToProcess(ContractAmendments amendments, ContractRepository contracts,
                           ContractHistoryAccess historyAccess) {
        this.amendments = amendments;
        this.contracts = contracts;
        this.historyAccess = historyAccess;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ContractAmendment amendment = amendments.bindProcess(execution.getVariable(Var.AMENDMENT_ID),
                execution.getProcessInstanceId());
        Contract contract = contracts.findById(amendment.getContractId()).orElseThrow();
        execution.setVariable(Var.CONTRACT_ID, contract.getId());
        execution.setVariable(Var.CONTRACT_OWNER, contract.getOwner());
        execution.setVariable(Var.CONTRACT_NUMBER, contract.getNumber());
        historyAccess.grantOwner(execution.getProcessInstanceId(), contract.getOwner());
    }
}
