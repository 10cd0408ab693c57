package dev.pactum.obligation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Published (inside the transaction that recorded it) when finance records a payment towards a milestone; features
 * that react to money coming in listen to it. {@code milestone} is the milestone after the payment.
 */
public record PaymentReceived(long contractId, BigDecimal amount, String currency, LocalDate paidOn,
                              String reference, MilestoneView milestone, boolean overpaid) {
}
