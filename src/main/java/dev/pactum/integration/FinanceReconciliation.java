package dev.pactum.integration;

import dev.pactum.obligation.MonthlyPayments;
import dev.pactum.obligation.MonthlyPayments.ContractMonth;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The month's reconciliation between Pactum and finance (对账): per contract, what the schedule expected, what was
 * received, and how much of it finance's system reported (matched automatically or by hand); then the payments
 * finance reported that are still unmatched or were dismissed. Amounts per contract are in its currency, totals per
 * currency.
 */
@Service
@Transactional(readOnly = true)
public class FinanceReconciliation {

    /** One contract's month. {@code difference} is received minus expected: negative means money is missing. */
    public record Row(String contractNumber, String title, String currency, BigDecimal expected, BigDecimal received,
                      BigDecimal reportedByFinance, BigDecimal difference) {
    }

    /** A reported payment no contract took automatically, and what became of it. */
    public record ReportedPayment(String eventId, String reason, String status, String reportedContractNumber,
                                  String reportedMilestoneId, BigDecimal amount, String currency, LocalDate paidOn,
                                  String reference, String matchedContractNumber, String decidedBy) {
    }

    public record Totals(BigDecimal expected, BigDecimal received, BigDecimal reportedByFinance,
                         BigDecimal difference) {
    }

    public record Report(YearMonth month, List<Row> contracts, Map<String, Totals> totals,
                         List<ReportedPayment> handled) {
    }

    private final MonthlyPayments monthly;
    private final JdbcTemplate jdbc;

    FinanceReconciliation(MonthlyPayments monthly, JdbcTemplate jdbc) {
        this.monthly = monthly;
        this.jdbc = jdbc;
    }

    public Report of(YearMonth month) {
        Date first = Date.valueOf(month.atDay(1));
        Date last = Date.valueOf(month.atEndOfMonth());
        Map<Long, BigDecimal> matchedByHand = jdbc.query("""
                select contract_id, sum(amount) as amount from payment_match
                where status = 'MATCHED' and paid_on between ? and ? group by contract_id""",
                (rs, row) -> Map.entry(rs.getLong("contract_id"), rs.getBigDecimal("amount")), first, last)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Row> rows = monthly.of(month).stream().map(contract -> row(contract,
                matchedByHand.getOrDefault(contract.contractId(), BigDecimal.ZERO))).toList();
        Map<String, Totals> totals = new TreeMap<>();
        for (Row row : rows) {
            totals.merge(row.currency(), new Totals(row.expected(), row.received(), row.reportedByFinance(),
                    row.difference()), (a, b) -> new Totals(a.expected().add(b.expected()),
                    a.received().add(b.received()), a.reportedByFinance().add(b.reportedByFinance()),
                    a.difference().add(b.difference())));
        }
        List<ReportedPayment> handled = jdbc.query("""
                select m.event_id, m.reason, m.status, m.reported_contract_number, m.reported_milestone_id, m.amount,
                       m.currency, m.paid_on, m.reference, c.number as matched_number, m.decided_by
                from payment_match m left join contract c on c.id = m.contract_id
                where m.paid_on between ? and ? order by m.paid_on, m.event_id""",
                (rs, row) -> new ReportedPayment(rs.getString("event_id"), rs.getString("reason"),
                        rs.getString("status"), rs.getString("reported_contract_number"),
                        rs.getString("reported_milestone_id"), rs.getBigDecimal("amount"), rs.getString("currency"),
                        rs.getDate("paid_on").toLocalDate(), rs.getString("reference"),
                        rs.getString("matched_number"), rs.getString("decided_by")), first, last);
        return new Report(month, rows, totals, handled);
    }

    private static Row row(ContractMonth contract, BigDecimal matchedByHand) {
        return new Row(contract.contractNumber(), contract.title(), contract.currency(), contract.expected(),
                contract.received(), contract.reportedBySystem().add(matchedByHand),
                contract.received().subtract(contract.expected()));
    }
}
