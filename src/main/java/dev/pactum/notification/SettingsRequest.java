package dev.pactum.notification;

import java.util.List;
import java.util.Map;

/**
 * {@code PUT /api/me/notification-settings}: everything is replaced. Strings throughout, so a bad value is reported
 * by field in the reader's language rather than refused as unreadable JSON.
 *
 * @param zone       an IANA time zone; empty for the company's
 * @param quietHours {@code {"from":"22:00","to":"08:00"}}, or null for none
 * @param channels   kind → channels (EMAIL, DINGTALK, WECOM, FEISHU, SLACK, SMS); a kind left out goes by email,
 *                   an empty list means the inbox only
 * @param phone      a mainland mobile number for SMS
 */
record SettingsRequest(String zone, QuietHours quietHours, Map<String, List<String>> channels, Webhook dingtalk,
                       Webhook wecom, Webhook feishu, Webhook slack, String phone) {

    record QuietHours(String from, String to) {
    }

    /** @param secret the robot's signing secret; left out (null) keeps the one stored for the same webhook */
    record Webhook(String webhook, String secret) {
    }
}
