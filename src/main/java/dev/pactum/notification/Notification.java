package dev.pactum.notification;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Something to tell some users: the template of its kind renders {@code model} into the subject and body.
 *
 * @param recipients user ids (Camunda identity), distinct, in order
 * @param model      the values the template reads, e.g. {@code number}, {@code title}, {@code comment}
 * @param contractId the contract it is about, if any
 * @param link       where the reader acts on it (absolute URL), if anywhere
 */
public record Notification(List<String> recipients, NotificationKind kind, Map<String, Object> model,
                           Long contractId, String link) {

    public Notification {
        recipients = recipients.stream().distinct().toList();
        model = Map.copyOf(model);
    }

    public static Notification of(NotificationKind kind, Collection<String> recipients, Map<String, Object> model,
                                  Long contractId, String link) {
        return new Notification(List.copyOf(recipients), kind, model, contractId, link);
    }
}
