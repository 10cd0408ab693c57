package dev.pactum.contract;

import dev.pactum.process.ContractProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Execution listener on the lifecycle's start: an instance that names a contract must have been started by
 * Pactum's own submit of that draft; the contract is then bound to this instance, and its owner and number come
 * from the database, whatever the start request said. An instance that names none registers its contract from the
 * start form (see {@link RegisterContractFromForm}).
 */
@Component("bindContractToProcess")
class BindContractToProcess implements ExecutionListener {

    private final ContractLifecycleService lifecycle;
    private final ContractHistoryAccess historyAccess;

    BindContractToProcess(ContractLifecycleService lifecycle, ContractHistoryAccess historyAccess) {
        this.lifecycle = lifecycle;
        this.historyAccess = historyAccess;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object named = execution.getVariable(Var.CONTRACT_ID);
        if (named == null) {
            execution.removeVariable(Var.CONTRACT_OWNER);
            execution.removeVariable(Var.CONTRACT_NUMBER);
            return;
        }
        if (!(named instanceof Number id) || !ContractSubmissions.isSubmitting(id.longValue())) {
            throw new ContractProcessRefusedException("pactum.process.startRefused");
        }
        Contract contract = lifecycle.bindProcess(id.longValue(), execution.getProcessInstanceId());
        execution.setVariable(Var.CONTRACT_OWNER, contract.getOwner());
        execution.setVariable(Var.CONTRACT_NUMBER, contract.getNumber());
        historyAccess.grantOwner(execution.getProcessInstanceId(), contract.getOwner());
    }
}
