package dev.pactum.notification;

/** What a notification is about; each kind has one text template, {@code templates/notifications/<template>.vm}. */
public enum NotificationKind {
    APPROVAL_REMINDER("approval-reminder"),
    APPROVAL_ESCALATED("approval-escalated"),
    APPROVAL_REJECTED("approval-rejected"),
    APPROVAL_REVISE("approval-revise"),
    APPROVAL_DELEGATED("approval-delegated"),
    SIGNATURE_REMINDER("signature-reminder"),
    SIGNATURE_ESCALATED("signature-escalated"),
    PAYMENT_REMINDER("payment-reminder"),
    PAYMENT_OVERDUE("payment-overdue"),
    PAYMENT_ESCALATED("payment-escalated"),
    PAYMENT_OVERPAID("payment-overpaid"),
    CONTRACT_TERMINATED("contract-terminated"),
    RENEWAL_DUE("renewal-due"),
    RENEWAL_REMINDER("renewal-reminder"),
    CONTRACT_AUTO_RENEWED("contract-auto-renewed");

    private final String template;

    NotificationKind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }
}
