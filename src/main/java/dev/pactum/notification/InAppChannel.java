package dev.pactum.notification;

import java.time.Instant;
import java.time.Clock;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The in-app inbox: one row per recipient, written in the caller's transaction. */
@Component
@Order(1)
class InAppChannel implements NotificationChannel {

    private final InAppNotificationRepository inbox;
    private final Clock clock;

    InAppChannel(InAppNotificationRepository inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public void deliver(Notification notification, RenderedNotification text) {
        Instant now = clock.instant();
        notification.recipients().forEach(recipient -> inbox.save(new InAppNotification(recipient,
                notification.kind(), text, notification.link(), notification.contractId(), now)));
    }
}
