package dev.pactum.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A milestone of a contract's payment schedule as stored: numbered from 1 in the order drafted, its amount resolved
 * (a percentage kept beside it).
 */
public record PaymentMilestone(int id, LocalDate dueDate, Integer daysAfter, MilestoneEvent event, BigDecimal amount,
                               BigDecimal percent, String description) {
}
