package dev.pactum.contract;

import java.util.EnumSet;
import java.util.Set;

/** Where a contract is in its life; the lifecycle process moves it, in the same transaction as the engine. */
public enum ContractStatus {
    DRAFT,
    IN_APPROVAL,
    REVISING,
    REJECTED,
    /** Approved; the company signs, then waits for the counterparty's signature. */
    SIGNING,
    /** Signed by both sides; in force from its start date. */
    SIGNED,
    ACTIVE,
    /** In force, and its renewal window is open: the owner decides whether it is renewed. */
    EXPIRING,
    /** Its term ended and a renewal contract, approved, carries on from it. */
    RENEWED,
    /** Its term ended. */
    EXPIRED,
    /** Ended early, with a reason. */
    TERMINATED;

    /** The statuses of a contract both sides signed: what counts as a customer's track record. */
    public static final Set<ContractStatus> SIGNED_BY_BOTH = EnumSet.of(SIGNED, ACTIVE, EXPIRING, RENEWED,
            EXPIRED, TERMINATED);

    /** In force: from the start date to the end of the term. */
    public static final Set<ContractStatus> IN_FORCE = EnumSet.of(ACTIVE, EXPIRING);
}
