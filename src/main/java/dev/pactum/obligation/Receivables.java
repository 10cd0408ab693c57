package dev.pactum.obligation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * Money of payment milestones: scheduled, received, outstanding (of it: overdue and not yet due), overpaid, and the
 * overdue money by how many days past due it is (0–30, 31–60, 61–90, over 90). Cancelled milestones count nowhere.
 */
public record Receivables(String currency, BigDecimal scheduled, BigDecimal received, BigDecimal outstanding,
                          BigDecimal overdue, BigDecimal notYetDue, BigDecimal overpaid, Ageing overdueAgeing,
                          int milestones, int overdueMilestones) {

    /** Overdue money by days past its due date. */
    public record Ageing(BigDecimal days0to30, BigDecimal days31to60, BigDecimal days61to90, BigDecimal over90) {
    }

    static Receivables of(String currency, List<MilestoneAccount> accounts, LocalDate today,
                          Function<MilestoneAccount, BigDecimal> amountOf,
                          Function<MilestoneAccount, BigDecimal> receivedOf) {
        BigDecimal scheduled = BigDecimal.ZERO;
        BigDecimal received = BigDecimal.ZERO;
        BigDecimal outstanding = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        BigDecimal overpaid = BigDecimal.ZERO;
        BigDecimal[] ageing = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        int count = 0;
        int overdueCount = 0;
        for (MilestoneAccount account : accounts) {
            if (account.getStatus() == MilestoneStatus.CANCELLED) {
                continue;
            }
            count++;
            BigDecimal amount = amountOf.apply(account);
            BigDecimal got = receivedOf.apply(account);
            BigDecimal open = amount.subtract(got).max(BigDecimal.ZERO);
            scheduled = scheduled.add(amount);
            received = received.add(got);
            outstanding = outstanding.add(open);
            overpaid = overpaid.add(got.subtract(amount).max(BigDecimal.ZERO));
            if (open.signum() > 0 && account.getDueDate() != null && today.isAfter(account.getDueDate())) {
                overdueCount++;
                overdue = overdue.add(open);
                long days = ChronoUnit.DAYS.between(account.getDueDate(), today);
                int bucket = days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3;
                ageing[bucket] = ageing[bucket].add(open);
            }
        }
        return new Receivables(currency, scheduled, received, outstanding, overdue, outstanding.subtract(overdue),
                overpaid, new Ageing(ageing[0], ageing[1], ageing[2], ageing[3]), count, overdueCount);
    }
}
