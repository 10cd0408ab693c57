package dev.pactum.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What one user chose: channels per kind of notification, quiet hours, and their own robots and phone. */
@Entity
@Table(name = "notification_settings")
class NotificationSettings {

    @Id
    private String userId;
    private String zone;
    private LocalTime quietFrom;
    private LocalTime quietTo;

    /** Kind → channels, by name; a kind not here goes by email. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, List<String>> channels;

    private String dingtalkWebhook;
    private String dingtalkSecret;
    private String wecomWebhook;
    private String feishuWebhook;
    private String feishuSecret;
    private String slackWebhook;
    private String phone;
    private Instant updatedAt;

    protected NotificationSettings() {
    }

    NotificationSettings(String userId) {
        this.userId = userId;
    }

    void replace(NotificationPreferences preferences, Instant now) {
        zone = preferences.zone().getId();
        quietFrom = preferences.quietHours() == null ? null : preferences.quietHours().from();
        quietTo = preferences.quietHours() == null ? null : preferences.quietHours().to();
        channels = preferences.channelsByName();
        dingtalkWebhook = target(preferences.dingtalk());
        dingtalkSecret = secret(preferences.dingtalk());
        wecomWebhook = target(preferences.wecom());
        feishuWebhook = target(preferences.feishu());
        feishuSecret = secret(preferences.feishu());
        slackWebhook = target(preferences.slack());
        phone = preferences.phone();
        updatedAt = now;
    }

    NotificationPreferences preferences() {
        return NotificationPreferences.of(zone, quietFrom, quietTo, channels,
                address(dingtalkWebhook, dingtalkSecret), address(wecomWebhook, null),
                address(feishuWebhook, feishuSecret), address(slackWebhook, null), phone);
    }

    private static Address address(String target, String secret) {
        return target == null ? null : new Address(target, secret);
    }

    private static String target(Address address) {
        return address == null ? null : address.target();
    }

    private static String secret(Address address) {
        return address == null ? null : address.secret();
    }
}
