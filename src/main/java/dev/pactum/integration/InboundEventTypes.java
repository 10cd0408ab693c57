package dev.pactum.integration;

/** The {@code type} of each inbound event Pactum understands (README, "Integrations"). */
final class InboundEventTypes {

    static final String PAYMENT_RECEIVED = "payment.received";
    static final String CUSTOMER_UPDATED = "customer.updated";
    static final String MILESTONE_ACCEPTED = "milestone.accepted";
    static final String PROJECT_DELIVERED = "project.delivered";

    private InboundEventTypes() {
    }
}
