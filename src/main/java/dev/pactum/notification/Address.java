package dev.pactum.notification;

/**
 * Where a channel sends to: a mail address, a robot's webhook URL, a phone number.
 *
 * @param secret the robot's signing secret (DingTalk, Feishu), if it has one
 */
record Address(String target, String secret) {

    static Address of(String target) {
        return new Address(target, null);
    }

    boolean signed() {
        return secret != null && !secret.isBlank();
    }

    @Override
    public String toString() {
        return target;
    }
}
