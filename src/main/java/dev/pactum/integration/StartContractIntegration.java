package dev.pactum.integration;

import dev.pactum.contract.ContractStatusChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts a {@code contractIntegration} run when a contract enters a status finance and the CRM are told of. It runs
 * just before the status change commits and in its transaction: the change and the run that pushes it commit
 * together, so a crash cannot lose the push, and a change that rolls back pushes nothing. The run's first steps are
 * asynchronous, so no peer is called inside the contract's transaction.
 */
@Component
class StartContractIntegration {

    private final IntegrationRuns runs;

    StartContractIntegration(IntegrationRuns runs) {
        this.runs = runs;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ContractStatusChanged change) {
        runs.start(change);
    }
}
