package dev.pactum.obligation;

/** The milestone after a payment; {@code overpaid}: more came in than was due, finance was told. */
public record PaymentRecorded(MilestoneView milestone, boolean overpaid) {
}
