package dev.pactum.approval;

public enum ApprovalLevelState {
    /** Waiting for the levels before it. */
    PENDING,
    /** Its tasks are open. */
    ACTIVE,
    APPROVED,
    REJECTED,
    /** Sent back to the owner for revision. */
    REVISE,
    /** Never reached: an earlier level rejected or sent the contract back. */
    SKIPPED
}
