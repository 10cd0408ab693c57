package dev.pactum.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A milestone of a contract's payment schedule as stored: numbered from 1 in the order drafted, its amount resolved
 * (a percentage kept beside it). {@code projectId}: the project whose event starts it, when not the contract's.
 */
public record PaymentMilestone(int id, LocalDate dueDate, Integer daysAfter, MilestoneEvent event, BigDecimal amount,
                               BigDecimal percent, String description, String projectId) {

    public PaymentMilestone(int id, LocalDate dueDate, Integer daysAfter, MilestoneEvent event, BigDecimal amount,
                            BigDecimal percent, String description) {
        this(id, dueDate, daysAfter, event, amount, percent, description, null);
    }

    /** The milestone as a draft states it (an amount drafted as a percentage stays one). */
    public MilestonePlan plan() {
        return new MilestonePlan(dueDate, daysAfter, event, percent == null ? amount : null, percent, description,
                projectId);
    }

    /** Whether it falls due at the same time, for the same money, as {@code other} (its id aside). */
    public boolean sameTermsAs(PaymentMilestone other) {
        return java.util.Objects.equals(dueDate, other.dueDate) && java.util.Objects.equals(daysAfter, other.daysAfter)
                && event == other.event && amount.compareTo(other.amount) == 0
                && description.equals(other.description) && java.util.Objects.equals(projectId, other.projectId);
    }
}
