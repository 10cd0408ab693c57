package dev.pactum.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings (prefix {@code pactum.notification}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param mailFrom the sender of notification emails
 */
@ConfigurationProperties(prefix = "pactum.notification")
record NotificationProperties(@DefaultValue("Pactum <noreply@pactum.example>") String mailFrom) {
}
