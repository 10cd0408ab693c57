package dev.pactum.webhook;

import dev.pactum.document.DocumentCipher;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    /**
     * Says at start-up which subscriptions cannot sign because their secret's document key is no longer configured
     * (retired after a rotation): their deliveries fail until they get a new secret. The app still starts: contracts
     * do not depend on webhooks.
     */
    @Bean
    SmartInitializingSingleton webhookSecretsReadable(JdbcTemplate jdbc, DocumentCipher cipher) {
        return () -> {
            List<String> unreadable = jdbc.query("select id, secret_key_id from webhook_subscription order by id",
                    (rs, row) -> cipher.keys().has(rs.getString(2)) ? null
                            : rs.getLong(1) + " (key " + rs.getString(2) + ")")
                    .stream().filter(java.util.Objects::nonNull).toList();
            if (!unreadable.isEmpty()) {
                log.error("Webhook subscriptions {} cannot sign: their secret's document key is not configured. Add the"
                        + " key again, or give them new secrets (POST /api/admin/webhooks/<id>/secret)", unreadable);
            }
        };
    }
}
