package dev.pactum.contract;

/** Where a contract is in its life; the lifecycle process moves it, in the same transaction as the engine. */
public enum ContractStatus {
    DRAFT,
    IN_APPROVAL,
    REVISING,
    REJECTED,
    ACTIVE
}
