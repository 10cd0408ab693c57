package dev.pactum.obligation;

/** Where a payment milestone stands; PLANNED until its contract is active. */
public enum MilestoneStatus {
    PLANNED,
    /** Active, N days after the project's acceptance or delivery, which has not been reported yet: no due date. */
    AWAITING_EVENT,
    OPEN,
    OVERDUE,
    PAID,
    /** Its contract was terminated, or an amendment removed or changed it, before it was paid. */
    CANCELLED
}
