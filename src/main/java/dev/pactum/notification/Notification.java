package dev.pactum.notification;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Something to tell some users: the template of its kind renders {@code model} into the subject and body.
 *
 * @param recipients user ids (Camunda identity), distinct, in order
 * @param model      the values the template reads, e.g. {@code number}, {@code title}, {@code comment}
 * @param contractId the contract it is about, if any
 * @param link       where the reader acts on it (absolute URL), if anywhere
 * @param eventKey   what happened, e.g. {@code payment-reminder:12:2026-12-07}: each recipient hears of one event at
 *                   most once per channel, however often it is raised (a timer job run twice, two nodes). Without
 *                   one ({@link #of}) every notification is an event of its own.
 */
public record Notification(List<String> recipients, NotificationKind kind, Map<String, Object> model,
                           Long contractId, String link, String eventKey) {

    public Notification {
        recipients = recipients.stream().distinct().toList();
        model = Map.copyOf(model);
        if (eventKey == null || eventKey.isBlank()) {
            eventKey = kind.template() + ":" + UUID.randomUUID();
        }
    }

    public static Notification of(NotificationKind kind, Collection<String> recipients, Map<String, Object> model,
                                  Long contractId, String link) {
        return new Notification(List.copyOf(recipients), kind, model, contractId, link, null);
    }

    /** The same notification as the event {@code <kind>:<key>}: raised again, it reaches nobody a second time. */
    public Notification asEvent(String key) {
        return new Notification(recipients, kind, model, contractId, link, kind.template() + ":" + key);
    }
}
