package dev.pactum.webhook;

import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractStatusChanged;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a subscriber can be told of; {@link #wireName()} is the event's {@code type}. */
public enum WebhookEventType {
    CONTRACT_CREATED("contract.created"),
    CONTRACT_SUBMITTED("contract.submitted"),
    CONTRACT_APPROVED("contract.approved"),
    CONTRACT_REJECTED("contract.rejected"),
    CONTRACT_SIGNED("contract.signed"),
    CONTRACT_ACTIVATED("contract.activated"),
    PAYMENT_RECEIVED("payment.received"),
    PAYMENT_OVERDUE("payment.overdue"),
    CONTRACT_EXPIRING("contract.expiring"),
    CONTRACT_RENEWED("contract.renewed"),
    CONTRACT_EXPIRED("contract.expired"),
    CONTRACT_TERMINATED("contract.terminated");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }

    /**
     * The event a status change is, if any. Statuses are compared by name where a later feature adds them (a
     * renewal's {@code RENEWED}), so that feature needs no code here.
     */
    static Optional<WebhookEventType> of(ContractStatusChanged change) {
        if (change.to() == null) {
            return Optional.empty();
        }
        if (change.from() == null && change.to() == ContractStatus.DRAFT) {
            return Optional.of(CONTRACT_CREATED);
        }
        return Optional.ofNullable(switch (change.to().name()) {
            case "IN_APPROVAL" -> CONTRACT_SUBMITTED;
            case "SIGNING" -> CONTRACT_APPROVED;
            case "REJECTED" -> CONTRACT_REJECTED;
            case "SIGNED" -> CONTRACT_SIGNED;
            case "ACTIVE" -> change.from() != null && change.from().name().equals("EXPIRED")
                    ? CONTRACT_RENEWED : CONTRACT_ACTIVATED;
            case "RENEWED" -> CONTRACT_RENEWED;
            case "EXPIRED" -> CONTRACT_EXPIRED;
            case "TERMINATED" -> CONTRACT_TERMINATED;
            default -> null;
        });
    }
}
