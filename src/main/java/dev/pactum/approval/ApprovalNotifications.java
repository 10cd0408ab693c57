package dev.pactum.approval;

import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.notification.Notification;
import dev.pactum.notification.NotificationKind;
import dev.pactum.notification.NotificationService;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The approval's notifications: what each says about the contract and where it links to. */
@Component
class ApprovalNotifications {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NotificationService notifications;
    private final PactumProperties properties;

    public ApprovalNotifications(NotificationService notifications, PactumProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    void reminder(Contract contract, ApprovalLevelEntry level, Collection<String> approvers) {
        Map<String, Object> model = contractModel(contract);
        model.put("level", level.getLevel());
        model.put("dueAt", time(level.getDueAt()));
        // One reminder per level and round, however often the timer fires.
        notifications.send(Notification.of(NotificationKind.APPROVAL_REMINDER, approvers, model, contract.getId(),
                tasklistLink()).asEvent("level-" + level.getId()));
    }

    void escalation(Contract contract, ApprovalLevelEntry level, Collection<String> recipients,
                    List<String> reassignedTo) {
        Map<String, Object> model = contractModel(contract);
        model.put("level", level.getLevel());
        model.put("groups", String.join(", ", level.getGroups()));
        model.put("dueAt", time(level.getDueAt()));
        if (!reassignedTo.isEmpty()) {
            model.put("reassignedTo", String.join(", ", reassignedTo));
        }
        notifications.send(Notification.of(NotificationKind.APPROVAL_ESCALATED, recipients, model, contract.getId(),
                contractLink(contract)).asEvent("level-" + level.getId()));
    }

    /** The owner learns that an approver rejected the contract or sent it back, with the approver's comment. */
    void decisionAgainst(Contract contract, Decision decision, String decidedBy, String comment) {
        Map<String, Object> model = contractModel(contract);
        model.put("decidedBy", decidedBy);
        model.put("comment", comment);
        NotificationKind kind = decision == Decision.REJECT
                ? NotificationKind.APPROVAL_REJECTED
                : NotificationKind.APPROVAL_REVISE;
        notifications.send(Notification.of(kind, List.of(contract.getOwner()), model, contract.getId(),
                decision == Decision.REJECT ? contractLink(contract) : tasklistLink()));
    }

    void delegated(Contract contract, String delegatedBy, String deputy) {
        Map<String, Object> model = contractModel(contract);
        model.put("delegatedBy", delegatedBy);
        notifications.send(Notification.of(NotificationKind.APPROVAL_DELEGATED, List.of(deputy), model,
                contract.getId(), tasklistLink()));
    }

    private static Map<String, Object> contractModel(Contract contract) {
        Map<String, Object> model = new HashMap<>();
        model.put("number", contract.getNumber());
        model.put("title", contract.getTitle());
        model.put("customerName", contract.getCustomer().getName());
        model.put("amountText", ApprovalFormVariables.amountText(contract));
        return model;
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(properties.zone()));
    }

    private String tasklistLink() {
        return properties.baseUrl() + "/camunda/app/tasklist/default/";
    }

    private String contractLink(Contract contract) {
        return properties.baseUrl() + "/api/contracts/" + contract.getId();
    }
}
