package dev.pactum.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.ContractStatusChanged;
import dev.pactum.obligation.MilestoneView;
import dev.pactum.obligation.PaymentOverdue;
import dev.pactum.obligation.PaymentReceived;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns what happens to contracts into webhook events, listening to the features' own events (they do not know of
 * webhooks). Each event and one delivery per subscription that wants it are written just before the change commits
 * and in its transaction: the change and its deliveries commit together, so a crash loses none and a change that
 * rolls back sends none. The body is fixed now, as the contract is now; every attempt sends the same bytes.
 */
@Component
class WebhookOutbox {

    private final JdbcTemplate jdbc;
    private final ContractQueries contracts;
    private final ObjectMapper json;
    private final WebhookProperties settings;
    private final PactumProperties pactum;
    private final Clock clock;

    WebhookOutbox(JdbcTemplate jdbc, ContractQueries contracts, ObjectMapper json, WebhookProperties settings,
                  PactumProperties pactum, Clock clock) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.json = json;
        this.settings = settings;
        this.pactum = pactum;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ContractStatusChanged change) {
        WebhookEventType.of(change).ifPresent(type -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("from", change.from() == null ? null : change.from().name());
            data.put("to", change.to().name());
            record(type, change.contractId(), data, null);
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PaymentReceived payment) {
        Map<String, Object> data = milestone(payment.milestone());
        data.put("payment", ordered("amount", money(payment.amount()), "currency", payment.currency(),
                "paidOn", payment.paidOn().toString(), "reference", payment.reference()));
        data.put("overpaid", payment.overpaid());
        record(WebhookEventType.PAYMENT_RECEIVED, payment.contractId(), data, null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PaymentOverdue overdue) {
        record(WebhookEventType.PAYMENT_OVERDUE, overdue.contractId(), milestone(overdue.milestone()), null);
    }

    /**
     * Announces active contracts whose end date is within {@code expiring-within}, once per contract and end date
     * (an end date moved by a renewal is announced again), whichever node scans and however often.
     *
     * @return how many were announced now
     */
    @Scheduled(cron = "${pactum.webhooks.expiring-scan:0 0 8 * * *}", zone = "${pactum.zone:Asia/Shanghai}")
    @Transactional
    public int announceExpiring() {
        if (!wanted(WebhookEventType.CONTRACT_EXPIRING)) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(pactum.zone()));
        LocalDate until = today.plusDays(settings.expiringWithin().toDays());
        int announced = 0;
        for (Map<String, Object> row : jdbc.queryForList("""
                select id, end_date from contract where status = 'ACTIVE' and end_date between ? and ? order by id""",
                Date.valueOf(today), Date.valueOf(until))) {
            long id = ((Number) row.get("id")).longValue();
            LocalDate end = ((Date) row.get("end_date")).toLocalDate();
            Map<String, Object> data = ordered("endDate", end.toString(), "daysLeft", ChronoUnit.DAYS.between(today, end));
            if (record(WebhookEventType.CONTRACT_EXPIRING, id, data, "contract.expiring:" + id + ":" + end)
                    .isPresent()) {
                announced++;
            }
        }
        return announced;
    }

    /**
     * Writes the event and its deliveries, if any enabled subscription wants it.
     *
     * @param dedupeKey an event with the same key is written once (null: no such limit)
     * @return the event's id; empty when nobody wants it or it was written before
     */
    Optional<UUID> record(WebhookEventType type, long contractId, Map<String, Object> data, String dedupeKey) {
        if (!wanted(type)) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String payload = payload(id, type, now, contracts.get(contractId), data);
        int written = jdbc.update("""
                insert into webhook_event (id, type, contract_id, occurred_at, payload, dedupe_key)
                values (?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing""",
                id, type.wireName(), contractId, Timestamp.from(now), payload, dedupeKey);
        if (written == 0) {
            return Optional.empty();
        }
        jdbc.update("""
                insert into webhook_delivery (subscription_id, event_id, status, attempts, next_attempt_at, created_at)
                select id, ?, 'PENDING', 0, ?, ? from webhook_subscription
                where enabled and event_types @> jsonb_build_array(?::text)""",
                id, Timestamp.from(now), Timestamp.from(now), type.wireName());
        return Optional.of(id);
    }

    private boolean wanted(WebhookEventType type) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from webhook_subscription
                               where enabled and event_types @> jsonb_build_array(?::text))""",
                Boolean.class, type.wireName()));
    }

    private String payload(UUID id, WebhookEventType type, Instant occurredAt, Contract contract,
                           Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("type", type.wireName());
        body.put("occurredAt", occurredAt.toString());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("id", contract.getId());
        about.put("number", contract.getNumber());
        about.put("title", contract.getTitle());
        about.put("status", contract.getStatus().name());
        about.put("amount", money(contract.getAmount()));
        about.put("currency", contract.getCurrency());
        about.put("customer", ordered("id", contract.getCustomer().getId(), "name", contract.getCustomer().getName(),
                "creditCode", contract.getCustomer().getCreditCode()));
        body.put("contract", about);
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body is plain JSON", e);
        }
    }

    private static Map<String, Object> milestone(MilestoneView milestone) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("id", milestone.id());
        about.put("description", milestone.description());
        about.put("dueDate", milestone.dueDate() == null ? null : milestone.dueDate().toString());
        about.put("status", milestone.status().name());
        about.put("amount", money(milestone.amount()));
        about.put("received", money(milestone.received()));
        about.put("outstanding", money(milestone.outstanding()));
        about.put("overdueSince", milestone.overdueSince() == null ? null : milestone.overdueSince().toString());
        data.put("milestone", about);
        return data;
    }

    /** Money as a decimal string (never a binary floating-point number). */
    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
