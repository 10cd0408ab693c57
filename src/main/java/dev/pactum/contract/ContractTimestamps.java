package dev.pactum.contract;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Stamps contracts and customers with the application's clock (the engine's), so their times line up with the
 * process's. A Spring bean: Hibernate takes entity listeners from the Spring context.
 */
@Component
class ContractTimestamps {

    private final Clock clock;

    ContractTimestamps(Clock clock) {
        this.clock = clock;
    }

    @PrePersist
    void created(Object entity) {
        if (entity instanceof Contract contract) {
            contract.created(clock.instant());
        } else if (entity instanceof Customer customer) {
            customer.created(clock.instant());
        }
    }

    @PreUpdate
    void updated(Object entity) {
        if (entity instanceof Contract contract) {
            contract.updated(clock.instant());
        }
    }
}
