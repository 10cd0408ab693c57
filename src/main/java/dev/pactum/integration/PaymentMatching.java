package dev.pactum.integration;

import dev.pactum.contract.MoneyText;
import dev.pactum.integration.PaymentMatchingProcess.Var;
import dev.pactum.integration.PaymentReconciliation.Unmatched;
import dev.pactum.obligation.ObligationProperties;
import dev.pactum.process.FormText;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reported payments that wait for finance to match them by hand: one "Payment matching" instance each, and a row
 * that keeps the reported values (amount, date, reference) so that completing the task chooses only where the money
 * goes. Only the instance Pactum opened for a payment can settle it.
 */
@Component
class PaymentMatching {

    /** A payment waiting to be matched, as reported. */
    record Open(String eventId, BigDecimal amount, String currency, LocalDate paidOn, String reference) {
    }

    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final ObligationProperties obligation;
    private final Clock clock;

    PaymentMatching(RuntimeService runtime, JdbcTemplate jdbc, MessageSource messages, ObligationProperties obligation,
                    Clock clock) {
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.messages = messages;
        this.obligation = obligation;
        this.clock = clock;
    }

    /** @return the id of the instance whose task finance now sees */
    String open(PaymentReported payment, Unmatched reason) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(Var.FINANCE_GROUP, obligation.financeGroup());
        variables.put(Var.REASON_LABEL, messages.getMessage("pactum.integration.unmatched." + reason.name(), null,
                Locale.SIMPLIFIED_CHINESE) + " / " + messages.getMessage("pactum.integration.unmatched." + reason.name(),
                null, Locale.ENGLISH));
        variables.put(Var.AMOUNT_TEXT, payment.currency() == null ? payment.amount().toPlainString()
                : MoneyText.of(payment.amount(), payment.currency()));
        variables.put(Var.PAID_ON, payment.paidOn().toString());
        variables.put(Var.REFERENCE, FormText.markdown(payment.reference()));
        variables.put(Var.REPORTED_CONTRACT_NUMBER, FormText.markdown(payment.contractNumber()));
        variables.put(Var.REPORTED_MILESTONE_ID, FormText.markdown(payment.milestoneId()));
        String instanceId = runtime.startProcessInstanceByKey(PaymentMatchingProcess.KEY, payment.eventId(),
                variables).getId();
        jdbc.update("""
                insert into payment_match (event_id, process_instance_id, reason, reported_contract_number,
                                           reported_milestone_id, amount, currency, paid_on, reference, status,
                                           opened_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""", payment.eventId(), instanceId, reason.name(),
                payment.contractNumber(), payment.milestoneId(), payment.amount(), payment.currency(),
                Date.valueOf(payment.paidOn()), payment.reference(), Timestamp.from(clock.instant()));
        return instanceId;
    }

    /** The open payment the instance was started for, locked until the transaction ends; empty for any other. */
    Optional<Open> openFor(String processInstanceId) {
        return jdbc.query("""
                select event_id, amount, currency, paid_on, reference from payment_match
                where process_instance_id = ? and status = 'OPEN' for update""",
                (rs, row) -> new Open(rs.getString("event_id"), rs.getBigDecimal("amount"), rs.getString("currency"),
                        rs.getDate("paid_on").toLocalDate(), rs.getString("reference")),
                processInstanceId).stream().findFirst();
    }

    void matched(String eventId, long contractId, String decidedBy, String comment) {
        decide(eventId, "MATCHED", contractId, decidedBy, comment);
    }

    void dismissed(String eventId, String decidedBy, String comment) {
        decide(eventId, "DISMISSED", null, decidedBy, comment);
    }

    private void decide(String eventId, String status, Long contractId, String decidedBy, String comment) {
        jdbc.update("""
                update payment_match set status = ?, contract_id = ?, decided_by = ?, decided_at = ?, comment = ?
                where event_id = ? and status = 'OPEN'""", status, contractId, decidedBy,
                Timestamp.from(clock.instant()), comment, eventId);
    }
}
