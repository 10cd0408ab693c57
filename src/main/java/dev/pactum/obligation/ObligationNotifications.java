package dev.pactum.obligation;

import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.MoneyText;
import dev.pactum.notification.Notification;
import dev.pactum.notification.NotificationKind;
import dev.pactum.notification.NotificationService;
import dev.pactum.notification.UserDirectory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What Pactum tells people after approval: signatures and payments late, contracts terminated. */
@Component
class ObligationNotifications {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NotificationService notifications;
    private final UserDirectory users;
    private final PactumProperties pactum;
    private final ObligationProperties obligation;
    private final Clock clock;

    ObligationNotifications(NotificationService notifications, UserDirectory users, PactumProperties pactum,
                            ObligationProperties obligation, Clock clock) {
        this.clock = clock;
        this.notifications = notifications;
        this.users = users;
        this.pactum = pactum;
        this.obligation = obligation;
    }

    void signatureReminder(Contract contract, Instant sentAt) {
        Map<String, Object> model = contractModel(contract);
        model.put("sentAt", time(sentAt));
        send(NotificationKind.SIGNATURE_REMINDER, List.of(contract.getOwner()), model, contract,
                "sent-" + sentAt.toEpochMilli());
    }

    /** The owner and the owner's managers. */
    void signatureEscalated(Contract contract, Instant sentAt) {
        Map<String, Object> model = contractModel(contract);
        model.put("sentAt", time(sentAt));
        model.put("owner", contract.getOwner());
        send(NotificationKind.SIGNATURE_ESCALATED, ownerAndManagers(contract), model, contract,
                "sent-" + sentAt.toEpochMilli());
    }

    /** The owner: the provider's sign flow ended without the counterparty's signature. */
    void signatureDeclined(Contract contract, String provider, String outcome, String description) {
        Map<String, Object> model = contractModel(contract);
        model.put("provider", provider);
        model.put("outcome", outcome);
        model.put("description", description == null ? "" : description);
        send(NotificationKind.SIGNATURE_DECLINED, List.of(contract.getOwner()), model, contract,
                "declined-" + provider + "-" + outcome);
    }

    void terminated(Contract contract, String terminatedBy, String reason) {
        Map<String, Object> model = contractModel(contract);
        model.put("terminatedBy", terminatedBy);
        model.put("reason", reason);
        List<String> recipients = ownerAndManagers(contract);
        recipients.addAll(users.membersOf(List.of(obligation.financeGroup())));
        send(NotificationKind.CONTRACT_TERMINATED, recipients, model, contract);
    }

    /** The owner: the renewal window opened, decide by the notice deadline. */
    void renewalDue(Contract contract, LocalDate noticeDeadline, boolean autoRenews) {
        send(NotificationKind.RENEWAL_DUE, List.of(contract.getOwner()), renewalModel(contract, noticeDeadline,
                autoRenews), contract, "renewal-due-" + noticeDeadline);
    }

    /** The owner: the renewal is still undecided, this many days before the notice deadline. */
    void renewalReminder(Contract contract, LocalDate noticeDeadline, boolean autoRenews, long daysLeft) {
        Map<String, Object> model = renewalModel(contract, noticeDeadline, autoRenews);
        model.put("daysLeft", daysLeft);
        send(NotificationKind.RENEWAL_REMINDER, List.of(contract.getOwner()), model, contract,
                "renewal-reminder-" + noticeDeadline + "-" + daysLeft);
    }

    /** The owner and the managers: nobody objected, the term runs on. */
    void autoRenewed(Contract contract, LocalDate noticeDeadline, LocalDate previousEnd) {
        Map<String, Object> model = renewalModel(contract, noticeDeadline, true);
        model.put("previousEndDate", previousEnd.toString());
        send(NotificationKind.CONTRACT_AUTO_RENEWED, ownerAndManagers(contract), model, contract,
                "auto-renewed-" + previousEnd);
    }

    private Map<String, Object> renewalModel(Contract contract, LocalDate noticeDeadline, boolean autoRenews) {
        Map<String, Object> model = contractModel(contract);
        model.put("endDate", contract.getEndDate().toString());
        model.put("noticeDeadline", noticeDeadline.toString());
        model.put("autoRenews", autoRenews);
        return model;
    }

    void paymentReminder(Contract contract, Map<String, Object> milestone) {
        Map<String, Object> model = contractModel(contract);
        model.putAll(milestone);
        // A milestone is reminded of on more than one day, once on each.
        send(NotificationKind.PAYMENT_REMINDER, List.of(contract.getOwner()), model, contract,
                milestoneEvent(milestone) + ":" + LocalDate.now(clock.withZone(pactum.zone())));
    }

    /** The owner and finance. */
    void paymentOverdue(Contract contract, Map<String, Object> milestone) {
        Map<String, Object> model = contractModel(contract);
        model.putAll(milestone);
        List<String> recipients = new ArrayList<>(List.of(contract.getOwner()));
        recipients.addAll(users.membersOf(List.of(obligation.financeGroup())));
        send(NotificationKind.PAYMENT_OVERDUE, recipients, model, contract, milestoneEvent(milestone));
    }

    /** The owner, the owner's managers and finance. */
    void paymentEscalated(Contract contract, Map<String, Object> milestone, int overdueDays) {
        Map<String, Object> model = contractModel(contract);
        model.putAll(milestone);
        model.put("owner", contract.getOwner());
        model.put("overdueDays", overdueDays);
        List<String> recipients = ownerAndManagers(contract);
        recipients.addAll(users.membersOf(List.of(obligation.financeGroup())));
        send(NotificationKind.PAYMENT_ESCALATED, recipients, model, contract, milestoneEvent(milestone));
    }

    /** Finance and the owner: money came in that nothing was owed for. */
    void overpaid(Contract contract, Map<String, Object> milestone) {
        Map<String, Object> model = contractModel(contract);
        model.putAll(milestone);
        List<String> recipients = new ArrayList<>(List.of(contract.getOwner()));
        recipients.addAll(users.membersOf(List.of(obligation.financeGroup())));
        send(NotificationKind.PAYMENT_OVERPAID, recipients, model, contract);
    }

    String money(BigDecimal amount, String currencyCode) {
        return MoneyText.of(amount, currencyCode);
    }

    private List<String> ownerAndManagers(Contract contract) {
        List<String> recipients = new ArrayList<>(List.of(contract.getOwner()));
        recipients.addAll(users.membersOf(List.of(obligation.managersGroup())));
        return recipients;
    }

    private void send(NotificationKind kind, List<String> recipients, Map<String, Object> model, Contract contract) {
        notifications.send(Notification.of(kind, recipients, model, contract.getId(),
                pactum.baseUrl() + "/contracts/" + contract.getId()));
    }

    /** A reminder or escalation: raised again for the same {@code event}, it reaches nobody twice. */
    private void send(NotificationKind kind, List<String> recipients, Map<String, Object> model, Contract contract,
                      String event) {
        notifications.send(Notification.of(kind, recipients, model, contract.getId(),
                pactum.baseUrl() + "/contracts/" + contract.getId()).asEvent(contract.getId() + ":" + event));
    }

    private static String milestoneEvent(Map<String, Object> milestone) {
        return milestone.get("milestone") + ":" + milestone.get("dueDate");
    }

    private Map<String, Object> contractModel(Contract contract) {
        Map<String, Object> model = new HashMap<>();
        model.put("number", contract.getNumber());
        model.put("title", contract.getTitle());
        model.put("customerName", contract.getCustomer().getName());
        model.put("amountText", money(contract.getAmount(), contract.getCurrency()));
        return model;
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(pactum.zone()));
    }
}
