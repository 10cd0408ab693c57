package dev.pactum.notification;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The in-app inbox: one row per recipient, written in the caller's transaction. */
@Component
@Order(1)
class InAppChannel implements NotificationChannel {

    private final InAppNotificationRepository inbox;

    InAppChannel(InAppNotificationRepository inbox) {
        this.inbox = inbox;
    }

    @Override
    public void deliver(Notification notification, RenderedNotification text) {
        // The engine's clock, so a notification raised by a timer in a test carries the test's time.
        Instant now = ClockUtil.getCurrentTime().toInstant();
        notification.recipients().forEach(recipient -> inbox.save(new InAppNotification(recipient,
                notification.kind(), text, notification.link(), notification.contractId(), now)));
    }
}
