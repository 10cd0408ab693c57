package dev.pactum.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every message that leaves Pactum, one row per (event, recipient, channel) in {@code notification_delivery}:
 * recorded in the transaction that raised the notification (the unique key drops a second recording of the same
 * event), sent once it has committed, retried with back-off, and after the last attempt kept as FAILED for an admin
 * to see and retry. A node takes a message over with one conditional UPDATE before sending it, so two nodes, or a
 * delivery pass after a restart, never send a message twice; a node that dies between sending and recording "sent"
 * leaves the message to be sent again once its claim expires (at least once, never silently lost).
 */
@Service
public class NotificationDeliveries {

    static final String ROBOT = "robot:";
    private static final Logger log = LoggerFactory.getLogger(NotificationDeliveries.class);
    private static final int MAX_ERROR = 1000;
    private static final int BATCH = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Map<ChannelType, NotificationChannel> channels = new EnumMap<>(ChannelType.class);
    private final NotificationSettingsService settings;
    private final UserDirectory users;
    private final EmailChannel email;
    private final NotificationProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectMapper json;

    NotificationDeliveries(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
                           List<NotificationChannel> channels, NotificationSettingsService settings,
                           UserDirectory users, EmailChannel email, NotificationProperties properties,
                           ApplicationEventPublisher events, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        channels.forEach(channel -> this.channels.put(channel.type(), channel));
        this.settings = settings;
        this.users = users;
        this.email = email;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    /** The ids of deliveries recorded in a transaction, to try once it has committed. */
    record Recorded(List<Long> ids) {
    }

    boolean anyRobotReceives(NotificationKind kind) {
        return properties.robots().stream().anyMatch(robot -> robot.kinds().contains(kind));
    }

    /** In the caller's transaction: one delivery per recipient and chosen channel, and per robot for the kind. */
    void record(Notification notification, RenderedNotification text) {
        Instant now = clock.instant();
        String model = modelJson(notification.model());
        List<Long> recorded = new ArrayList<>();
        for (String recipient : notification.recipients()) {
            NotificationPreferences chosen = settings.preferences(recipient);
            Instant notBefore = notification.kind().urgent() ? now : chosen.notBefore(now);
            for (ChannelType channel : chosen.channelsFor(notification.kind())) {
                if (channel == ChannelType.EMAIL && (!email.available() || users.emailOf(recipient).isEmpty())) {
                    log.info("No email address for user {}: {} not mailed to them", recipient, notification.kind());
                    continue;
                }
                insert(notification, text, recipient, channel, model, now, notBefore).ifPresent(recorded::add);
            }
        }
        for (NotificationProperties.Robot robot : properties.robots()) {
            if (robot.kinds().contains(notification.kind())) {
                insert(notification, text, ROBOT + robot.name(), robot.channel(), model, now, now)
                        .ifPresent(recorded::add);
            }
        }
        if (!recorded.isEmpty()) {
            events.publishEvent(new Recorded(recorded));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void deliverRecorded(Recorded recorded) {
        recorded.ids().forEach(this::attempt);
    }

    @Scheduled(fixedDelayString = "${pactum.notification.delivery.poll-interval:PT30S}",
            initialDelayString = "${pactum.notification.delivery.poll-interval:PT30S}")
    void poll() {
        if (properties.delivery().poll()) {
            deliverDue();
        }
    }

    /**
     * One delivery pass: every message that is due (its retry time or the end of its quiet hours has come) and every
     * message whose sender's claim expired. Safe to run on every node at once.
     *
     * @return how many were sent
     */
    public int deliverDue() {
        int sent = 0;
        List<Long> due;
        Long after = 0L;
        do {
            due = jdbc.queryForList("""
                    select id from notification_delivery
                    where id > :after and ((status = 'PENDING' and next_attempt_at <= :now)
                       or (status = 'SENDING' and claimed_until < :now))
                    order by id limit :batch""", new MapSqlParameterSource("now", timestamp(clock.instant()))
                    .addValue("after", after).addValue("batch", BATCH), Long.class);
            for (Long id : due) {
                if (attempt(id)) {
                    sent++;
                }
                after = id;
            }
        } while (due.size() == BATCH);
        return sent;
    }

    /** Takes the message over if it is due and nobody else has, sends it, records the outcome; true when sent. */
    boolean attempt(long id) {
        Optional<Claimed> claimed = ownTransaction.execute(status -> claim(id));
        if (claimed.isEmpty()) {
            return false;
        }
        Claimed message = claimed.get();
        try {
            NotificationChannel channel = channels.get(message.channel());
            if (channel == null) {
                throw new DeliveryFailed("no channel " + message.channel(), true);
            }
            channel.send(message.outgoing(), addressOf(message.recipient(), message.channel()));
            ownTransaction.executeWithoutResult(status -> markSent(id));
            return true;
        } catch (DeliveryFailed e) {
            ownTransaction.executeWithoutResult(status -> markFailed(message, e.getMessage(), e.permanent()));
        } catch (RuntimeException e) {
            ownTransaction.executeWithoutResult(status -> markFailed(message, e.toString(), false));
        }
        return false;
    }

    /** The messages whose last attempt failed, newest first. */
    List<FailedDelivery> failed(int page, int size) {
        return jdbc.query("""
                select id, event_key, recipient, channel, kind, contract_id, subject, attempts, last_error,
                       created_at, last_attempt_at
                from notification_delivery where status = 'FAILED'
                order by last_attempt_at desc, id desc limit :size offset :offset""",
                new MapSqlParameterSource("size", size).addValue("offset", (long) page * size),
                (rs, row) -> new FailedDelivery(rs.getLong("id"), rs.getString("event_key"),
                        rs.getString("recipient"), ChannelType.valueOf(rs.getString("channel")),
                        rs.getString("kind"), (Long) rs.getObject("contract_id"), rs.getString("subject"),
                        rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "created_at"),
                        instant(rs, "last_attempt_at")));
    }

    long failedCount() {
        Long count = jdbc.queryForObject("select count(*) from notification_delivery where status = 'FAILED'",
                new MapSqlParameterSource(), Long.class);
        return count == null ? 0 : count;
    }

    /** An admin sends a failed message again now, with a fresh count of attempts. */
    Optional<DeliveryState> retry(long id, String admin) {
        int reset = ownTransaction.execute(status -> jdbc.update("""
                update notification_delivery
                set status = 'PENDING', attempts = 0, next_attempt_at = :now, retried_by = :admin
                where id = :id and status = 'FAILED'""", new MapSqlParameterSource("id", id)
                .addValue("now", timestamp(clock.instant())).addValue("admin", admin)));
        if (reset == 0) {
            return Optional.empty();
        }
        attempt(id);
        return state(id);
    }

    Optional<DeliveryState> state(long id) {
        return jdbc.query("""
                select id, status, attempts, last_error, next_attempt_at, sent_at
                from notification_delivery where id = :id""", new MapSqlParameterSource("id", id),
                (rs, row) -> new DeliveryState(rs.getLong("id"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("last_error"), instant(rs, "next_attempt_at"), instant(rs, "sent_at")))
                .stream().findFirst();
    }

    boolean exists(long id) {
        return state(id).isPresent();
    }

    /** A message that ran out of attempts. */
    public record FailedDelivery(long id, String eventKey, String recipient, ChannelType channel, String kind,
                                 Long contractId, String subject, int attempts, String lastError, Instant createdAt,
                                 Instant lastAttemptAt) {
    }

    /** Where a message stands. */
    public record DeliveryState(long id, String status, int attempts, String lastError, Instant nextAttemptAt,
                                Instant sentAt) {
    }

    private record Claimed(long id, String recipient, ChannelType channel, int attempts, OutgoingMessage outgoing) {
    }

    private Optional<Long> insert(Notification notification, RenderedNotification text, String recipient,
                                  ChannelType channel, String model, Instant now, Instant notBefore) {
        return jdbc.query("""
                insert into notification_delivery (event_key, recipient, channel, kind, contract_id, subject, body,
                    link, model, status, next_attempt_at, created_at)
                values (:event, :recipient, :channel, :kind, :contract, :subject, :body, :link, cast(:model as jsonb),
                    'PENDING', :notBefore, :now)
                on conflict (event_key, recipient, channel) do nothing
                returning id""", new MapSqlParameterSource("event", notification.eventKey())
                .addValue("recipient", recipient).addValue("channel", channel.name())
                .addValue("kind", notification.kind().name()).addValue("contract", notification.contractId())
                .addValue("subject", text.subject()).addValue("body", text.body())
                .addValue("link", notification.link()).addValue("model", model)
                .addValue("notBefore", timestamp(notBefore)).addValue("now", timestamp(now)),
                (rs, row) -> rs.getLong(1)).stream().findFirst();
    }

    private Optional<Claimed> claim(long id) {
        Instant now = clock.instant();
        // One statement: PostgreSQL re-checks the condition on a row another node just changed, so one node wins.
        return jdbc.query("""
                update notification_delivery
                set status = 'SENDING', attempts = attempts + 1, claimed_until = :until, last_attempt_at = :now
                where id = :id and ((status = 'PENDING' and next_attempt_at <= :now)
                   or (status = 'SENDING' and claimed_until < :now))
                returning id, event_key, recipient, channel, kind, subject, body, link, model, attempts""",
                new MapSqlParameterSource("id", id).addValue("now", timestamp(now))
                        .addValue("until", timestamp(now.plus(properties.delivery().claimFor()))),
                (rs, row) -> new Claimed(rs.getLong("id"), rs.getString("recipient"),
                        ChannelType.valueOf(rs.getString("channel")), rs.getInt("attempts"),
                        new OutgoingMessage(rs.getString("event_key"), NotificationKind.valueOf(rs.getString("kind")),
                                rs.getString("subject"), rs.getString("body"), rs.getString("link"),
                                model(rs.getString("model"))))).stream().findFirst();
    }

    private void markSent(long id) {
        jdbc.update("""
                update notification_delivery set status = 'SENT', sent_at = :now, claimed_until = null,
                    last_error = null where id = :id""",
                new MapSqlParameterSource("id", id).addValue("now", timestamp(clock.instant())));
    }

    private void markFailed(Claimed message, String error, boolean permanent) {
        boolean last = permanent || message.attempts() >= properties.delivery().maxAttempts();
        Instant now = clock.instant();
        log.warn("{} to {} by {} failed (attempt {}{}): {}", message.outgoing().eventKey(), message.recipient(),
                message.channel(), message.attempts(), last ? ", the last" : "", error);
        jdbc.update("""
                update notification_delivery set status = :status, next_attempt_at = :next, claimed_until = null,
                    last_error = :error where id = :id""", new MapSqlParameterSource("id", message.id())
                .addValue("status", last ? "FAILED" : "PENDING")
                .addValue("next", timestamp(last ? now : now.plus(properties.delivery().retryAfter(message.attempts()))))
                .addValue("error", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error));
    }

    /** Resolved when sending, so a webhook fixed after a failure is used by the retry. */
    private Address addressOf(String recipient, ChannelType channel) {
        if (recipient.startsWith(ROBOT)) {
            String name = recipient.substring(ROBOT.length());
            return properties.robots().stream()
                    .filter(robot -> robot.name().equals(name) && robot.channel() == channel)
                    .findFirst().map(robot -> new Address(robot.webhook().toString(), robot.secret()))
                    .orElseThrow(() -> new DeliveryFailed("robot " + name + " is no longer configured", true));
        }
        if (channel == ChannelType.EMAIL) {
            return users.emailOf(recipient).map(Address::of)
                    .orElseThrow(() -> new DeliveryFailed("user " + recipient + " has no email address", true));
        }
        return settings.preferences(recipient).addressFor(channel)
                .orElseThrow(() -> new DeliveryFailed("user " + recipient + " has no " + channel + " address", true));
    }

    private String modelJson(Map<String, Object> model) {
        Map<String, String> text = new TreeMap<>();
        model.forEach((key, value) -> text.put(key, String.valueOf(value)));
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> model(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
