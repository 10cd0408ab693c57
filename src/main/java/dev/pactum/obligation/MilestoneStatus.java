package dev.pactum.obligation;

/** Where a payment milestone stands; PLANNED until its contract is active. */
public enum MilestoneStatus {
    PLANNED,
    OPEN,
    OVERDUE,
    PAID,
    /** Its contract was terminated before it was paid. */
    CANCELLED
}
