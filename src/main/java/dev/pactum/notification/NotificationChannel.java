package dev.pactum.notification;

/**
 * One way of reaching users (in-app, email; IM webhooks later). Called inside the caller's transaction: a channel
 * that talks to the outside world must do so only after commit and must never throw for a delivery failure.
 */
interface NotificationChannel {

    void deliver(Notification notification, RenderedNotification text);
}
