package dev.pactum.notification;

/**
 * A channel could not deliver a message. Permanent when the same request again cannot succeed (no address, a webhook
 * that does not exist); the delivery then fails at once instead of retrying.
 */
class DeliveryFailed extends RuntimeException {

    private final boolean permanent;

    DeliveryFailed(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }
}
