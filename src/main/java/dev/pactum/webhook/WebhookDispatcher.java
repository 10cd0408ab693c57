package dev.pactum.webhook;

import dev.pactum.document.DocumentCipher;
import dev.pactum.integration.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the deliveries that are due. A node takes a batch in one short transaction ({@code FOR UPDATE SKIP LOCKED}:
 * two nodes never take the same delivery) and stamps it with its claim and a lease (its next attempt time moves past
 * the longest a call can take); it then calls the subscribers outside any transaction and records each outcome
 * against its claim. A node that dies mid-call leaves the delivery to be taken again once the lease ends; the
 * receiver de-duplicates by {@code X-Pactum-Event-Id}.
 *
 * <p>Outcomes: 2xx delivered. 410 Gone: failed, and the subscription is switched off (the receiver says it is gone
 * for good). Any other 4xx except 408, 425 and 429, and 3xx (redirects are never followed): failed at once, no
 * retry (the same request would be refused the same way; an admin replays it once the receiver is fixed). Anything
 * else (5xx, 408, 425, 429, timeout, no connection): tried again after first-retry × 2^(n-1), up to max-attempts.
 */
@Component
class WebhookDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int SNIPPET = 500;

    enum Outcome { DELIVERED, RETRY, FAILED, GONE }

    private record Claimed(long id, long subscriptionId, UUID eventId, int attempts) {
    }

    private record Result(Outcome outcome, Integer httpStatus, String snippet, String error) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DocumentCipher cipher;
    private final WebhookProperties settings;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService senders;

    WebhookDispatcher(JdbcTemplate jdbc, TransactionTemplate transactions, DocumentCipher cipher,
                      WebhookProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), task -> {
            Thread thread = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelayString = "${pactum.webhooks.poll-interval:PT5S}",
            initialDelayString = "${pactum.webhooks.poll-interval:PT5S}")
    void poll() {
        if (!settings.dispatch()) {
            return;
        }
        try {
            while (dispatchDue() == settings.batchSize()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            log.error("Sending webhooks failed; trying again in {}", settings.pollInterval(), e);
        }
    }

    /**
     * Takes one batch of due deliveries and sends it.
     *
     * @return how many deliveries this node took
     */
    int dispatchDue() {
        UUID claim = UUID.randomUUID();
        Instant now = clock.instant();
        Instant leaseEnds = now.plus(settings.timeout()).plus(settings.connectTimeout()).plus(Duration.ofMinutes(1));
        List<Claimed> batch = transactions.execute(status -> jdbc.query("""
                update webhook_delivery d set claimed_by = ?, next_attempt_at = ?
                where d.id in (select due.id from webhook_delivery due
                               join webhook_subscription s on s.id = due.subscription_id
                               where due.status = 'PENDING' and due.next_attempt_at <= ? and s.enabled
                               order by due.next_attempt_at, due.id limit ?
                               for update of due skip locked)
                returning d.id, d.subscription_id, d.event_id, d.attempts""",
                (rs, row) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getObject(3, UUID.class), rs.getInt(4)),
                claim, Timestamp.from(leaseEnds), Timestamp.from(now), settings.batchSize()));
        if (batch == null || batch.isEmpty()) {
            return 0;
        }
        List<Callable<Void>> sends = new ArrayList<>();
        for (Claimed delivery : batch) {
            sends.add(() -> {
                send(delivery, claim);
                return null;
            });
        }
        try {
            for (Future<Void> sent : senders.invokeAll(sends)) {
                sent.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.error("A webhook delivery could not be recorded; it is taken again when its lease ends", e.getCause());
        }
        return batch.size();
    }

    private void send(Claimed delivery, UUID claim) {
        var target = jdbc.queryForMap("""
                select s.url, s.secret_key_id, s.secret_nonce, s.secret_sealed, e.payload, e.type
                from webhook_subscription s, webhook_event e where s.id = ? and e.id = ?""",
                delivery.subscriptionId(), delivery.eventId());
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        Result result;
        try {
            String secret = WebhookSubscriptions.secret(cipher, delivery.subscriptionId(),
                    (String) target.get("secret_key_id"), (byte[]) target.get("secret_nonce"),
                    (byte[]) target.get("secret_sealed"));
            result = call(URI.create((String) target.get("url")), secret, delivery.eventId(),
                    (String) target.get("type"), ((String) target.get("payload")).getBytes(StandardCharsets.UTF_8),
                    delivery.attempts() + 1);
        } catch (IllegalStateException e) {
            result = new Result(Outcome.FAILED, null, null, cut(e.getMessage()));
        }
        int durationMs = (int) Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
        record(delivery, claim, started, durationMs, result);
    }

    private Result call(URI url, String secret, UUID eventId, String type, byte[] body, int attempt) {
        Optional<String> refused = addressRefusal(url);
        if (refused.isPresent()) {
            return new Result(Outcome.FAILED, null, null, refused.get());
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Pactum-Webhooks/1")
                .header("X-Pactum-Event-Id", eventId.toString())
                .header("X-Pactum-Event-Type", type)
                .header("X-Pactum-Timestamp", timestamp)
                .header("X-Pactum-Signature", Signatures.sign(secret, timestamp, body))
                .header("X-Pactum-Attempt", Integer.toString(attempt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return new Result(Outcome.RETRY, null, null, "no answer within " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            return new Result(Outcome.RETRY, null, null, cut(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.RETRY, null, null, "interrupted");
        }
        int status = response.statusCode();
        String snippet = snippet(response.body());
        if (status >= 200 && status < 300) {
            return new Result(Outcome.DELIVERED, status, snippet, null);
        }
        if (status == 410) {
            return new Result(Outcome.GONE, status, snippet, "the receiver answered 410 Gone");
        }
        boolean refusal = (status >= 300 && status < 400)
                || (status >= 400 && status < 500 && status != 408 && status != 425 && status != 429);
        return new Result(refusal ? Outcome.FAILED : Outcome.RETRY, status, snippet, null);
    }

    /** What the host resolves to now, checked again (it may have been pointed elsewhere since registration). */
    private Optional<String> addressRefusal(URI url) {
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                Optional<String> refusal = WebhookUrls.refusal(address, settings);
                if (refusal.isPresent()) {
                    return Optional.of(url.getHost() + " resolves to " + address.getHostAddress()
                            + ", which Pactum does not call (" + refusal.get() + ")");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private void record(Claimed delivery, UUID claim, Instant started, int durationMs, Result result) {
        int attempt = delivery.attempts() + 1;
        Outcome outcome = result.outcome() == Outcome.RETRY && attempt >= settings.maxAttempts()
                ? Outcome.FAILED : result.outcome();
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            int updated = jdbc.update("""
                    update webhook_delivery set status = ?, attempts = ?, next_attempt_at = ?, claimed_by = null,
                           last_http_status = ?, last_error = ?, delivered_at = ?
                    where id = ? and claimed_by = ?""",
                    switch (outcome) {
                        case DELIVERED -> "DELIVERED";
                        case RETRY -> "PENDING";
                        case FAILED, GONE -> "FAILED";
                    },
                    attempt, Timestamp.from(outcome == Outcome.RETRY ? now.plus(settings.retryDelay(attempt)) : now),
                    result.httpStatus(), result.error(),
                    outcome == Outcome.DELIVERED ? Timestamp.from(now) : null, delivery.id(), claim);
            if (updated == 0) {
                // The lease ran out and another node took it (or an admin replayed it): its outcome counts.
                log.warn("Webhook delivery {} was taken over before attempt {} ended ({})", delivery.id(), attempt,
                        result.outcome());
            }
            jdbc.update("""
                    insert into webhook_attempt (delivery_id, attempt, started_at, duration_ms, http_status, outcome,
                                                 response_snippet, error)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", delivery.id(), attempt, Timestamp.from(started), durationMs,
                    result.httpStatus(), outcome.name(), result.snippet(), result.error());
            if (outcome == Outcome.GONE) {
                jdbc.update("""
                        update webhook_subscription set enabled = false, disabled_reason = ?, updated_at = ?,
                               version = version + 1
                        where id = ? and enabled""",
                        "410 Gone at " + now + " (delivery " + delivery.id() + ")", Timestamp.from(now),
                        delivery.subscriptionId());
                log.warn("Webhook subscription {} switched off: its receiver answered 410 Gone", delivery.subscriptionId());
            }
        });
    }

    private static String snippet(InputStream body) {
        try (body) {
            byte[] start = body.readNBytes(SNIPPET * 4);
            String text = new String(start, StandardCharsets.UTF_8);
            return text.length() > SNIPPET ? text.substring(0, SNIPPET) : text;
        } catch (IOException e) {
            return null;
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= SNIPPET ? text : text.substring(0, SNIPPET);
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
