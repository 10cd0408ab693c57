package dev.pactum.notification;

/**
 * What a notification is about; each kind has one text template, {@code templates/notifications/<template>.vm}.
 * An urgent kind (an escalation: a deadline has already passed and managers are involved) is sent during the
 * recipient's quiet hours too; every other kind waits for them to end.
 */
public enum NotificationKind {
    APPROVAL_REMINDER("approval-reminder", false),
    APPROVAL_ESCALATED("approval-escalated", true),
    APPROVAL_REJECTED("approval-rejected", false),
    APPROVAL_REVISE("approval-revise", false),
    APPROVAL_DELEGATED("approval-delegated", false),
    SIGNATURE_REMINDER("signature-reminder", false),
    SIGNATURE_ESCALATED("signature-escalated", true),
    /** The e-signature provider's flow ended unsigned (refused, expired, revoked): the owner may upload instead. */
    SIGNATURE_DECLINED("signature-declined", false),
    PAYMENT_REMINDER("payment-reminder", false),
    PAYMENT_OVERDUE("payment-overdue", false),
    PAYMENT_ESCALATED("payment-escalated", true),
    PAYMENT_OVERPAID("payment-overpaid", false),
    CONTRACT_TERMINATED("contract-terminated", false),
    RENEWAL_DUE("renewal-due", false),
    RENEWAL_REMINDER("renewal-reminder", false),
    CONTRACT_AUTO_RENEWED("contract-auto-renewed", false);

    private final String template;
    private final boolean urgent;

    NotificationKind(String template, boolean urgent) {
        this.template = template;
        this.urgent = urgent;
    }

    public boolean urgent() {
        return urgent;
    }

    public String template() {
        return template;
    }
}
