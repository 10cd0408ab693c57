package dev.pactum.obligation;

import dev.pactum.contract.MilestoneEvent;
import dev.pactum.contract.PaymentMilestone;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A payment milestone as the API shows it: as drafted ({@code daysAfter} an {@code event}, or a fixed date), and
 * from activation on with its resolved due date, money received and status.
 */
public record MilestoneView(int id, String description, LocalDate dueDate, Integer daysAfter, MilestoneEvent event,
                            BigDecimal amount, BigDecimal percent, MilestoneStatus status, BigDecimal received,
                            BigDecimal outstanding, BigDecimal overpaid, LocalDate overdueSince, Instant paidAt) {

    MilestoneView withPlan(PaymentMilestone plan) {
        return new MilestoneView(id, description, dueDate, plan.daysAfter(), plan.event(), amount, plan.percent(),
                status, received, outstanding, overpaid, overdueSince, paidAt);
    }
}
