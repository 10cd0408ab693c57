package dev.pactum.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.web.DomainException;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The delivery log admins read, and replaying a delivery. */
@Service
@Transactional
public class WebhookDeliveries {

    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");
    private static final int MAX_PAGE = 200;

    public record Delivery(long id, long subscriptionId, UUID eventId, String eventType, Long contractId,
                           String status, int attempts, Instant nextAttemptAt, Integer lastHttpStatus,
                           String lastError, Instant deliveredAt, Instant createdAt) {
    }

    public record Attempt(int attempt, Instant startedAt, int durationMs, Integer httpStatus, String outcome,
                          String responseSnippet, String error) {
    }

    /** One delivery with the body it sends and every attempt. */
    public record Detail(Delivery delivery, JsonNode body, List<Attempt> attempts) {
    }

    private static final String SELECT = """
            select d.id, d.subscription_id, d.event_id, e.type, e.contract_id, d.status, d.attempts, d.next_attempt_at,
                   d.last_http_status, d.last_error, d.delivered_at, d.created_at
            from webhook_delivery d join webhook_event e on e.id = d.event_id""";

    private final JdbcTemplate jdbc;
    private final WebhookAccess access;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookDeliveries(JdbcTemplate jdbc, WebhookAccess access, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<Delivery> list(Long subscriptionId, String status, String eventId, int page, int size) {
        access.require();
        List<FieldProblem> problems = new ArrayList<>();
        if (status != null && !STATUSES.contains(status)) {
            problems.add(new FieldProblem("status", "pactum.webhook.validation.status", String.join(", ",
                    List.of("PENDING", "DELIVERED", "FAILED"))));
        }
        UUID event = null;
        if (eventId != null) {
            try {
                event = UUID.fromString(eventId);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("eventId", "pactum.webhook.validation.eventId"));
            }
        }
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            problems.add(new FieldProblem("size", "pactum.webhook.validation.page", MAX_PAGE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return jdbc.query(SELECT + " " + """
                         where (?::bigint is null or d.subscription_id = ?) and (?::text is null or d.status = ?)
                           and (?::uuid is null or d.event_id = ?)
                         order by d.id desc limit ? offset ?""", (rs, row) -> delivery(rs),
                subscriptionId, subscriptionId, status, status, event, event, size, (long) page * size);
    }

    @Transactional(readOnly = true)
    public Detail get(long id) {
        access.require();
        Delivery delivery = find(id);
        String payload = jdbc.queryForObject("select payload from webhook_event where id = ?", String.class,
                delivery.eventId());
        List<Attempt> attempts = jdbc.query("""
                select attempt, started_at, duration_ms, http_status, outcome, response_snippet, error
                from webhook_attempt where delivery_id = ? order by id""",
                (rs, row) -> new Attempt(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7)), id);
        try {
            return new Detail(delivery, json.readTree(payload), attempts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored webhook body is JSON", e);
        }
    }

    /**
     * Sends it again, with the same event id and body, as soon as a node looks (whatever its state: a delivered
     * one is sent once more, a failed one gets the whole retry cycle again). Its subscription must be enabled.
     */
    public Delivery replay(long id) {
        access.require();
        Delivery delivery = find(id);
        Boolean enabled = jdbc.queryForObject("select enabled from webhook_subscription where id = ?", Boolean.class,
                delivery.subscriptionId());
        if (!Boolean.TRUE.equals(enabled)) {
            throw DomainException.conflict("pactum.webhook.subscriptionDisabled", delivery.subscriptionId());
        }
        jdbc.update("""
                update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_by = null,
                       delivered_at = null
                where id = ?""", Timestamp.from(clock.instant()), id);
        return find(id);
    }

    private Delivery find(long id) {
        return jdbc.query(SELECT + " where d.id = ?", (rs, row) -> delivery(rs), id).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("pactum.webhook.deliveryUnknown", id));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong(1), rs.getLong(2), rs.getObject(3, UUID.class), rs.getString(4),
                (Long) rs.getObject(5), rs.getString(6), rs.getInt(7), instant(rs.getTimestamp(8)),
                (Integer) rs.getObject(9), rs.getString(10), instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
