package dev.pactum.obligation;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A month of the payment schedule, contract by contract: what fell due in it and what was received in it, with the
 * part that finance's own system reported (recorded as {@code integration:…}) told apart from what finance typed in.
 */
@Service
@Transactional(readOnly = true)
public class MonthlyPayments {

    /** Who payments recorded from a peer system's report are recorded as made by starts with this. */
    public static final String SYSTEM_RECORDER_PREFIX = "integration:";

    /**
     * One contract's month, in the contract's currency.
     *
     * @param expected         milestone amounts due in the month
     * @param received         payments with a payment date in the month
     * @param reportedBySystem the part of {@code received} that a peer system reported
     */
    public record ContractMonth(long contractId, String contractNumber, String title, String currency,
                                BigDecimal expected, BigDecimal received, BigDecimal reportedBySystem) {
    }

    private final JdbcTemplate jdbc;

    MonthlyPayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every contract with money due or received in the month, by contract number. */
    public List<ContractMonth> of(YearMonth month) {
        Date first = Date.valueOf(month.atDay(1));
        Date last = Date.valueOf(month.atEndOfMonth());
        return jdbc.query("""
                with due as (select contract_id, sum(amount) as expected from payment_milestone
                             where due_date between ? and ? and status <> 'CANCELLED' group by contract_id),
                     paid as (select contract_id, sum(amount) as received,
                                     sum(amount) filter (where recorded_by like ?) as reported
                              from payment where paid_on between ? and ? group by contract_id)
                select c.id, c.number, c.title, c.currency, coalesce(due.expected, 0) as expected,
                       coalesce(paid.received, 0) as received, coalesce(paid.reported, 0) as reported
                from contract c
                left join due on due.contract_id = c.id
                left join paid on paid.contract_id = c.id
                where due.contract_id is not null or paid.contract_id is not null
                order by c.number""",
                (rs, row) -> new ContractMonth(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                        rs.getString("currency"), rs.getBigDecimal("expected"), rs.getBigDecimal("received"),
                        rs.getBigDecimal("reported")),
                first, last, SYSTEM_RECORDER_PREFIX + "%", first, last);
    }
}
