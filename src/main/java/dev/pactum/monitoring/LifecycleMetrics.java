package dev.pactum.monitoring;

import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractStatusChanged;
import dev.pactum.contract.ContractType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts the lifecycle's moments from {@link ContractStatusChanged}, once the change committed (a step rolled back
 * and retried by the engine counts once): contracts submitted (a draft entering its first approval round) and
 * contracts activated, by contract type. Every series exists from start-up at 0, so rates work from the first scrape.
 */
@Component
class LifecycleMetrics {

    private final ContractQueries contracts;
    private final Counter submitted;
    private final Map<ContractType, Counter> activated = new EnumMap<>(ContractType.class);

    LifecycleMetrics(MeterRegistry registry, ContractQueries contracts) {
        this.contracts = contracts;
        submitted = Counter.builder("pactum.contracts.submitted")
                .description("Drafts submitted into their first approval round").register(registry);
        for (ContractType type : ContractType.values()) {
            activated.put(type, Counter.builder("pactum.contracts.activated")
                    .description("Contracts that came into force (ACTIVE)").tag("type", type.name())
                    .register(registry));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ContractStatusChanged change) {
        if (change.from() == ContractStatus.DRAFT && change.to() == ContractStatus.IN_APPROVAL) {
            submitted.increment();
        } else if (change.to() == ContractStatus.ACTIVE) {
            activated.get(contracts.get(change.contractId()).getType()).increment();
        }
    }
}
