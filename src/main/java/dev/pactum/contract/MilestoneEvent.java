package dev.pactum.contract;

/** What a payment milestone's "N days after" counts from. */
public enum MilestoneEvent {
    /** The day the counterparty's signature came back. */
    SIGNING,
    /** The contract's start date. */
    START
}
