package dev.pactum.notification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * DingTalk's signature of a timestamp with an app's or robot's secret: Base64 of HMAC-SHA256 (key: the secret, data:
 * {@code timestamp + "\n" + secret}), the timestamp in milliseconds. A robot webhook sends it in its URL; DingTalk
 * sends it in the {@code sign} header of a callback, beside {@code timestamp}.
 */
public final class DingTalkSignature {

    private DingTalkSignature() {
    }

    public static String of(String timestampMillis, String secret) {
        byte[] mac = WebhookClient.hmac("HmacSHA256", secret.getBytes(StandardCharsets.UTF_8),
                (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }
}
