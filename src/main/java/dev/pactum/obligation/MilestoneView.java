package dev.pactum.obligation;

import dev.pactum.contract.MilestoneEvent;
import dev.pactum.contract.PaymentMilestone;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A payment milestone as the API shows it: as drafted ({@code daysAfter} an {@code event}, or a fixed date), and
 * from activation on with its resolved due date, money received and status. A milestone counting from the project's
 * acceptance or delivery names its {@code projectId} and, once reported, the day it happened ({@code eventOn}).
 */
public record MilestoneView(int id, String description, LocalDate dueDate, Integer daysAfter, MilestoneEvent event,
                            BigDecimal amount, BigDecimal percent, MilestoneStatus status, BigDecimal received,
                            BigDecimal outstanding, BigDecimal overpaid, LocalDate overdueSince, Instant paidAt,
                            String projectId, LocalDate eventOn) {

    MilestoneView withPlan(PaymentMilestone plan, String contractProjectId) {
        return new MilestoneView(id, description, dueDate, plan.daysAfter(), plan.event(), amount, plan.percent(),
                status, received, outstanding, overpaid, overdueSince, paidAt,
                projectOf(plan, contractProjectId), eventOn);
    }

    /** The project whose event starts a milestone: its own, else its contract's; none for other milestones. */
    static String projectOf(PaymentMilestone milestone, String contractProjectId) {
        if (milestone.event() == null || !milestone.event().isProjectEvent()) {
            return null;
        }
        return milestone.projectId() != null ? milestone.projectId() : contractProjectId;
    }
}
