package dev.pactum.contract;

/** What a payment milestone's "N days after" counts from. */
public enum MilestoneEvent {
    /** The day the counterparty's signature came back. */
    SIGNING,
    /** The contract's start date. */
    START,
    /** The day the project system reports the work accepted ({@code milestone.accepted}, 验收). */
    ACCEPTANCE,
    /** The day the project system reports the project delivered ({@code project.delivered}, 交付). */
    DELIVERY;

    /** Whether the date is only known when the project-management system reports it. */
    public boolean isProjectEvent() {
        return this == ACCEPTANCE || this == DELIVERY;
    }
}
