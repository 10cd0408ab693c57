package dev.pactum.obligation;

import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.notification.Notification;
import dev.pactum.notification.NotificationKind;
import dev.pactum.notification.NotificationService;
import dev.pactum.notification.UserDirectory;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    ObligationNotifications(NotificationService notifications, UserDirectory users, PactumProperties pactum,
                            ObligationProperties obligation) {
        this.notifications = notifications;
        this.users = users;
        this.pactum = pactum;
        this.obligation = obligation;
    }

    void signatureReminder(Contract contract, Instant sentAt) {
        Map<String, Object> model = contractModel(contract);
        model.put("sentAt", time(sentAt));
        send(NotificationKind.SIGNATURE_REMINDER, List.of(contract.getOwner()), model, contract);
    }

    /** The owner and the owner's managers. */
    void signatureEscalated(Contract contract, Instant sentAt) {
        Map<String, Object> model = contractModel(contract);
        model.put("sentAt", time(sentAt));
        model.put("owner", contract.getOwner());
        send(NotificationKind.SIGNATURE_ESCALATED, ownerAndManagers(contract), model, contract);
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
                autoRenews), contract);
    }

    /** The owner: the renewal is still undecided, this many days before the notice deadline. */
    void renewalReminder(Contract contract, LocalDate noticeDeadline, boolean autoRenews, long daysLeft) {
        Map<String, Object> model = renewalModel(contract, noticeDeadline, autoRenews);
        model.put("daysLeft", daysLeft);
        send(NotificationKind.RENEWAL_REMINDER, List.of(contract.getOwner()), model, contract);
    }

    /** The owner and the managers: nobody objected, the term runs on. */
    void autoRenewed(Contract contract, LocalDate noticeDeadline, LocalDate previousEnd) {
        Map<String, Object> model = renewalModel(contract, noticeDeadline, true);
        model.put("previousEndDate", previousEnd.toString());
        send(NotificationKind.CONTRACT_AUTO_RENEWED, ownerAndManagers(contract), model, contract);
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
        send(NotificationKind.PAYMENT_REMINDER, List.of(contract.getOwner()), model, contract);
    }

    /** The owner and finance. */
    void paymentOverdue(Contract contract, Map<String, Object> milestone) {
        Map<String, Object> model = contractModel(contract);
        model.putAll(milestone);
        List<String> recipients = new ArrayList<>(List.of(contract.getOwner()));
        recipients.addAll(users.membersOf(List.of(obligation.financeGroup())));
        send(NotificationKind.PAYMENT_OVERDUE, recipients, model, contract);
    }

    /** The owner, the owner's managers and finance. */
    void paymentEscalated(Contract contract, Map<String, Object> milestone, int overdueDays) {
        Map<String, Object> model = contractModel(contract);
        model.putAll(milestone);
        model.put("owner", contract.getOwner());
        model.put("overdueDays", overdueDays);
        List<String> recipients = ownerAndManagers(contract);
        recipients.addAll(users.membersOf(List.of(obligation.financeGroup())));
        send(NotificationKind.PAYMENT_ESCALATED, recipients, model, contract);
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
        NumberFormat format = NumberFormat.getNumberInstance(Locale.CHINA);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return "%s %s %s".formatted(Currency.getInstance(currencyCode).getSymbol(Locale.CHINA),
                format.format(amount), currencyCode);
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
