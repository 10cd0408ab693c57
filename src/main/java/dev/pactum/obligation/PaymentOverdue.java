package dev.pactum.obligation;

/** Published (inside the transaction that marked it) when a milestone's due date passed unpaid. */
public record PaymentOverdue(long contractId, MilestoneView milestone) {
}
