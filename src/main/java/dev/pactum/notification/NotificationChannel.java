package dev.pactum.notification;

/**
 * One way of reaching users outside Pactum (email, IM robots, SMS). {@link NotificationDeliveries} calls it outside
 * any transaction, once per (event, recipient, channel), and retries it on failure; a channel only sends.
 */
interface NotificationChannel {

    ChannelType type();

    /** Sends or throws {@link DeliveryFailed}; a 200 answer that reports an error inside is a failure too. */
    void send(OutgoingMessage message, Address to);
}
