package dev.pactum.contract;

/** Where a supplementary agreement is: in approval, then approved (applied to the contract) or rejected. */
public enum AmendmentStatus {
    IN_APPROVAL,
    APPROVED,
    REJECTED
}
