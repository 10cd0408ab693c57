package dev.pactum.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings (prefix {@code pactum.webhooks}); every one is documented in README.
 *
 * @param dispatch        send deliveries from this node (off: deliveries wait for a node that sends)
 * @param pollInterval    how often a node looks for deliveries that are due
 * @param batchSize       deliveries one node takes at a time
 * @param concurrency     deliveries one node sends at once
 * @param firstRetry      the wait after the first failed attempt; each further wait doubles
 * @param maxRetryDelay   the longest wait between two attempts
 * @param maxAttempts     attempts before a delivery is marked FAILED
 * @param connectTimeout  connecting to a subscriber
 * @param timeout         a whole delivery; slower counts as failed and is retried
 * @param allowLoopback   subscribers on this machine (127.0.0.0/8, ::1, localhost), also over plain http: for
 *                        development and tests only
 * @param allowPrivate    subscribers on private networks (10/8, 172.16/12, 192.168/16, fc00::/7): on-premises
 *                        systems usually are
 * @param expiringWithin  how long before its end date an active contract is announced as {@code contract.expiring}
 * @param expiringScan    when active contracts are checked for that (cron, in {@code pactum.zone})
 */
@ConfigurationProperties(prefix = "pactum.webhooks")
public record WebhookProperties(
        @DefaultValue("true") boolean dispatch,
        @DefaultValue("PT5S") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("4") int concurrency,
        @DefaultValue("PT1M") Duration firstRetry,
        @DefaultValue("PT6H") Duration maxRetryDelay,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("true") boolean allowPrivate,
        @DefaultValue("P30D") Duration expiringWithin,
        @DefaultValue("0 0 8 * * *") String expiringScan) {

    /** The wait after the {@code attempts}-th failed attempt: first-retry × 2^(attempts-1), at most max-retry-delay. */
    Duration retryDelay(int attempts) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
