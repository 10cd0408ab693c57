package dev.pactum.integration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pactum.web.DomainException;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events other systems send to Pactum ({@code POST /api/integrations/{peer}/events}). Each is authenticated
 * (HMAC-SHA256 over timestamp and body with the peer's secret, a timestamp within
 * {@code pactum.integration.signature-tolerance}), validated, then stored in a transaction of its own, and only then
 * acted on. The same event id, or the same signed content under another id, has one effect: a later copy is answered
 * as a duplicate. An event that was stored but whose effect failed (a crash, an unknown customer) is acted on again
 * when it is sent again.
 */
@Service
public class InboundEvents {

    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,200}");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");

    /** What became of an event: acted on now, or already acted on earlier (a duplicate). */
    public record Receipt(String eventId, String type, boolean duplicate, Object effect) {
    }

    private final IntegrationProperties properties;
    private final InboundEventEffects effects;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final ObjectReader json;
    private final ObjectMapper objectMapper;

    InboundEvents(IntegrationProperties properties, InboundEventEffects effects, JdbcTemplate jdbc,
                  PlatformTransactionManager transactions, Clock clock, ObjectMapper objectMapper) {
        this.properties = properties;
        this.effects = effects;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.json = objectMapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.objectMapper = objectMapper;
    }

    public Receipt receive(String peerId, String eventId, String timestamp, String signature, byte[] body) {
        PeerSystem peer = PeerSystem.byId(peerId)
                .filter(system -> properties.peer(system).receives())
                .orElseThrow(() -> DomainException.notFound("pactum.integration.peerUnknown", peerId));
        Instant sentAt = authenticate(properties.peer(peer).inboundSecret(), eventId, timestamp, signature, body);
        String text = new String(body, StandardCharsets.UTF_8);
        String type = InboundEventEffects.validate(peer, parse(text));
        long id = stored(peer, eventId, type, signature, text, sentAt);
        try {
            return ownTransaction.execute(status -> actOn(id, peer));
        } catch (DomainException e) {
            markFailed(id, e);
            throw e;
        }
    }

    /** @return when the sender signed it */
    private Instant authenticate(String secret, String eventId, String timestamp, String signature, byte[] body) {
        if (eventId == null || timestamp == null || signature == null) {
            throw DomainException.unauthorized("pactum.integration.signatureMissing");
        }
        if (!EPOCH_SECONDS.matcher(timestamp).matches()) {
            throw DomainException.unauthorized("pactum.integration.timestampInvalid");
        }
        Instant sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Duration skew = Duration.between(sentAt, clock.instant()).abs();
        if (skew.compareTo(properties.signatureTolerance()) > 0) {
            throw DomainException.unauthorized("pactum.integration.timestampStale",
                    properties.signatureTolerance().toMinutes());
        }
        if (!Signatures.matches(secret, timestamp, body, signature)) {
            throw DomainException.unauthorized("pactum.integration.signatureInvalid");
        }
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw new InvalidRequestException(List.of(
                    new FieldProblem("X-Pactum-Event-Id", "pactum.integration.validation.eventId")));
        }
        return sentAt;
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw DomainException.unprocessable("pactum.integration.bodyNotObject");
            }
            return node;
        } catch (IOException e) {
            throw DomainException.unprocessable("pactum.integration.bodyNotObject");
        }
    }

    /**
     * Stores the event in a transaction of its own, before anything is done with it; an event already stored (same
     * id, or same signature) is not stored again.
     *
     * @return the stored row
     */
    private long stored(PeerSystem peer, String eventId, String type, String signature, String body, Instant sentAt) {
        String signatureHash = Signatures.sha256Hex(signature.trim().toLowerCase(java.util.Locale.ROOT));
        return ownTransaction.execute(status -> {
            List<Long> inserted = jdbc.queryForList("""
                    insert into integration_event (peer, event_id, event_type, signature_sha256, body, sent_at,
                                                   received_at, status)
                    values (?, ?, ?, ?, ?::jsonb, ?, ?, 'RECEIVED')
                    on conflict do nothing
                    returning id""", Long.class, peer.id(), eventId, type, signatureHash, body,
                    Timestamp.from(sentAt), Timestamp.from(clock.instant()));
            if (!inserted.isEmpty()) {
                return inserted.get(0);
            }
            return jdbc.queryForObject("""
                    select id from integration_event where peer = ? and (event_id = ? or signature_sha256 = ?)
                    order by id limit 1""", Long.class, peer.id(), eventId, signatureHash);
        });
    }

    /** Acts on a stored event unless it was acted on already; the row lock makes concurrent copies queue. */
    private Receipt actOn(long id, PeerSystem peer) {
        StoredEvent event;
        try {
            event = jdbc.queryForObject("""
                    select event_id, event_type, body::text as body, status, effect::text as effect
                    from integration_event where id = ? for update""",
                    (rs, row) -> new StoredEvent(rs.getString("event_id"), rs.getString("event_type"),
                            rs.getString("body"), rs.getString("status"), rs.getString("effect")), id);
        } catch (EmptyResultDataAccessException e) {
            throw new IllegalStateException("stored event " + id + " vanished", e);
        }
        if ("PROCESSED".equals(event.status())) {
            return new Receipt(event.eventId(), event.type(), true, readEffect(event.effect()));
        }
        Object effect = effects.apply(peer, event.eventId(), parse(event.body()));
        jdbc.update("""
                update integration_event set status = 'PROCESSED', processed_at = ?, effect = ?::jsonb, failure = null
                where id = ?""", Timestamp.from(clock.instant()), writeEffect(effect), id);
        return new Receipt(event.eventId(), event.type(), false, effect);
    }

    /** Records why the effect failed, in a transaction of its own: the failed one rolled back. */
    private void markFailed(long id, DomainException e) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "update integration_event set status = 'FAILED', failure = ? where id = ?",
                e.messageKey() + " " + java.util.Arrays.toString(e.args()), id));
    }

    private Object readEffect(String effect) {
        try {
            return effect == null ? null : json.readTree(effect);
        } catch (IOException e) {
            return null;
        }
    }

    private String writeEffect(Object effect) {
        try {
            return effect == null ? null : objectMapper.writeValueAsString(effect);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record StoredEvent(String eventId, String type, String body, String status, String effect) {
    }
}
