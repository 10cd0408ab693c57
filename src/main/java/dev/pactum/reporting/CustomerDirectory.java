package dev.pactum.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers with the totals of the contracts the current user may see with them. Every user sees every customer
 * (as in the API); the counts and amounts only cover their visible contracts.
 */
@Service
@Transactional(readOnly = true)
public class CustomerDirectory {

    private final NamedParameterJdbcTemplate jdbc;
    private final ContractVisibility visibility;
    private final CnyAmount cny;

    public CustomerDirectory(NamedParameterJdbcTemplate jdbc, ContractVisibility visibility, CnyAmount cny) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.cny = cny;
    }

    public record Suggestion(long id, String name, String creditCode) {
    }

    /**
     * @param contracts   visible contracts with this customer
     * @param totalCny    their amounts in CNY
     * @param activeCny   the amounts in CNY of those in force (ACTIVE, EXPIRING)
     */
    public record CustomerTotals(long id, String name, String creditCode, String contactName, String contactEmail,
                                 String contactPhone, BigDecimal creditLimit, String creditLimitCurrency,
                                 boolean hasOverduePayments, Instant createdAt, long contracts, BigDecimal totalCny,
                                 BigDecimal activeCny) {
    }

    /** Search as you type: name or credit code contains the text. */
    public List<Suggestion> suggest(String text, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit)
                .addValue("q", like(text));
        return jdbc.query("select id, name, credit_code from customer where lower(name) like :q escape '\\'"
                        + " or upper(credit_code) like upper(:q) escape '\\' order by name limit :limit", parameters,
                (rs, i) -> new Suggestion(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    public Page<CustomerTotals> page(String text, int page, int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("q", like(text));
        String where = "(lower(cu.name) like :q escape '\\' or upper(cu.credit_code) like upper(:q) escape '\\')";
        long total = jdbc.queryForObject("select count(*) from customer cu where " + where, parameters, Long.class);
        parameters.addValue("limit", size).addValue("offset", (long) page * size);
        List<CustomerTotals> rows = jdbc.query(select(parameters) + " where " + where
                + " group by cu.id order by cu.name, cu.id limit :limit offset :offset", parameters, this::row);
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    public Optional<CustomerTotals> one(long id) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", id);
        return jdbc.query(select(parameters) + " where cu.id = :id group by cu.id", parameters, this::row)
                .stream().findFirst();
    }

    private String select(MapSqlParameterSource parameters) {
        return """
                select cu.id, cu.name, cu.credit_code, cu.contact_name, cu.contact_email, cu.contact_phone,
                       cu.credit_limit, cu.credit_limit_currency, cu.has_overdue_payments, cu.created_at,
                       count(c.id) as contracts, coalesce(sum(%s), 0) as total_cny,
                       coalesce(sum(%s) filter (where c.status in ('ACTIVE', 'EXPIRING')), 0) as active_cny
                from customer cu left join contract c on c.customer_id = cu.id and %s"""
                .formatted(cny.of("c"), cny.of("c"), visibility.predicate("c", parameters));
    }

    private CustomerTotals row(ResultSet rs, int rowNum) throws SQLException {
        return new CustomerTotals(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
                rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("contact_phone"),
                rs.getBigDecimal("credit_limit"), rs.getString("credit_limit_currency"),
                rs.getBoolean("has_overdue_payments"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getLong("contracts"), rs.getBigDecimal("total_cny"), rs.getBigDecimal("active_cny"));
    }

    private static String like(String text) {
        String pattern = SqlLike.contains(text);
        return pattern == null ? "%" : pattern;
    }
}
