package dev.pactum.integration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The company systems Pactum talks to, each with the inbound event types it may send. */
public enum PeerSystem {
    FINANCE(Set.of(InboundEventTypes.PAYMENT_RECEIVED)),
    CRM(Set.of(InboundEventTypes.CUSTOMER_UPDATED)),
    PM(Set.of(InboundEventTypes.MILESTONE_ACCEPTED, InboundEventTypes.PROJECT_DELIVERED));

    private final Set<String> eventTypes;

    PeerSystem(Set<String> eventTypes) {
        this.eventTypes = eventTypes;
    }

    /** The name in paths and settings: {@code finance}, {@code crm}, {@code pm}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Set<String> eventTypes() {
        return eventTypes;
    }

    static Optional<PeerSystem> byId(String id) {
        return Arrays.stream(values()).filter(peer -> peer.id().equals(id)).findFirst();
    }
}
