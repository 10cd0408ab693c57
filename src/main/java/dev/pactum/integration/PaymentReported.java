package dev.pactum.integration;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Finance reported a payment ({@code payment.received}), published as a Spring application event in the transaction
 * that stored the event; the payment schedule (feature {@code obligation}) reconciles it. Published once per event
 * id: a sender's retry of the same event publishes nothing.
 *
 * @param eventId        the sender's {@code X-Pactum-Event-Id}
 * @param contractId     the contract the number names; null when no contract has that number (an unmatched payment)
 * @param contractNumber as reported, may be null when a milestone id is given
 * @param milestoneId    as reported, may be null
 * @param currency       as reported, the contract's currency when not reported, or null when neither is known
 */
public record PaymentReported(String eventId, Long contractId, String contractNumber, String milestoneId,
                              BigDecimal amount, String currency, LocalDate paidOn, String reference) {
}
