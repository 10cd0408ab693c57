package dev.pactum.audit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit trail settings (prefix {@code pactum.audit}); documented in README.
 *
 * @param retention      how long rows are kept; the daily purge removes older ones and anchors the chain
 * @param purgeCron      when the purge runs (Spring cron, in {@code pactum.zone})
 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For} is believed;
 *                       empty (the default) means the TCP peer's address is recorded and the header ignored
 */
@ConfigurationProperties(prefix = "pactum.audit")
public record AuditProperties(
        @DefaultValue("P3650D") Duration retention,
        @DefaultValue("0 30 3 * * *") String purgeCron,
        List<String> trustedProxies) {

    public AuditProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
