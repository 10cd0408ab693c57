package dev.pactum.notification;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The in-app inbox: one row per event and recipient, written in the caller's transaction (so it is there exactly when
 * what it tells of happened). Every notification reaches it, whatever the recipient chose for the other channels.
 */
@Component
class InAppChannel {

    private final InAppNotificationRepository inbox;
    private final Clock clock;

    InAppChannel(InAppNotificationRepository inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    void deliver(Notification notification, RenderedNotification text) {
        Instant now = clock.instant();
        notification.recipients().stream()
                .filter(recipient -> !inbox.existsByEventKeyAndRecipient(notification.eventKey(), recipient))
                .forEach(recipient -> inbox.save(new InAppNotification(recipient, notification.kind(), text,
                        notification.link(), notification.contractId(), now, notification.eventKey())));
    }
}
