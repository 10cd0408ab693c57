package dev.pactum.obligation;

import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who hears about what happens after approval (prefix {@code pactum.obligation}).
 *
 * @param managersGroup the owners' managers: told when a signature or a payment is late, and may terminate
 * @param financeGroup  finance: records payments and is told when one is late
 * @param terminatingGroups who may terminate any contract (besides its owner cancelling a signature)
 * @param paymentReminderDays       days before a milestone's due date the owner is reminded, first and last
 * @param paymentEscalationWorkingDays working days after a missed due date the managers and finance are told
 * @param reminderTime              the time of day reminders go out (company zone)
 * @param renewalReminderDays       days before a contract's notice deadline the owner hears about its renewal,
 *                                  earliest first: the renewal window opens (ACTIVE → EXPIRING, a renewal task) at
 *                                  the first, reminders follow at the others
 */
@ConfigurationProperties(prefix = "pactum.obligation")
public record ObligationProperties(
        @DefaultValue("sales-managers") String managersGroup,
        @DefaultValue("finance") String financeGroup,
        @DefaultValue({"sales-managers", "directors", "camunda-admin"}) List<String> terminatingGroups,
        @DefaultValue({"7", "1"}) List<Integer> paymentReminderDays,
        @DefaultValue("3") int paymentEscalationWorkingDays,
        @DefaultValue("09:00") LocalTime reminderTime,
        @DefaultValue({"90", "30", "7"}) List<Integer> renewalReminderDays) {

    public ObligationProperties {
        if (paymentReminderDays.size() != 2) {
            throw new IllegalArgumentException("pactum.obligation.payment-reminder-days takes two lead times, the "
                    + "first and the last reminder (days before due), not " + paymentReminderDays);
        }
        boolean descending = true;
        for (int i = 1; i < renewalReminderDays.size(); i++) {
            descending &= renewalReminderDays.get(i) < renewalReminderDays.get(i - 1);
        }
        if (renewalReminderDays.size() != 3 || !descending || renewalReminderDays.get(2) < 0) {
            throw new IllegalArgumentException("pactum.obligation.renewal-reminder-days takes three lead times before"
                    + " the notice deadline, earliest first (the window opens at the first), not " + renewalReminderDays);
        }
    }
}
