package dev.pactum.contract;

/**
 * Published (as a Spring application event, inside the transaction that made the change) each time a contract's
 * status changes. Features that react to a contract's life (notifications, integrations, obligations) listen to it
 * instead of being called by the lifecycle; use {@code @TransactionalEventListener} to act only once it committed.
 * A contract just drafted is published once with {@code from} null and {@code to} DRAFT.
 */
public record ContractStatusChanged(long contractId, String number, ContractStatus from, ContractStatus to,
                                    String processInstanceId) {
}
