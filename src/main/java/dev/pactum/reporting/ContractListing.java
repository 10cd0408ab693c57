package dev.pactum.reporting;

import dev.pactum.config.PactumProperties;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts the current user may see, filtered, sorted and paged, for the list page and its exports. The API's
 * search filters on status, customer and text only; the list also needs type, owner, date and amount ranges.
 */
@Service
@Transactional(readOnly = true)
public class ContractListing {

    /** The most rows one export holds. */
    public static final int EXPORT_LIMIT = 50_000;

    private static final String COLUMNS = """
            c.id, c.number, c.title, c.type, c.status, c.owner, c.customer_id, cu.name as customer_name, c.amount,
            c.currency, c.start_date, c.end_date, c.created_at,
            (select r.level from risk_assessment r where r.contract_id = c.id order by r.id desc limit 1) as risk_level""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ContractVisibility visibility;
    private final ZoneId zone;

    public ContractListing(NamedParameterJdbcTemplate jdbc, ContractVisibility visibility,
                           PactumProperties properties) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.zone = properties.zone();
    }

    public Page<ContractRow> search(ContractFilter filter, int page, int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = where(filter, parameters);
        long total = jdbc.queryForObject("select count(*) from contract c join customer cu on cu.id = c.customer_id"
                + " where " + where, parameters, Long.class);
        parameters.addValue("limit", size).addValue("offset", (long) page * size);
        List<ContractRow> rows = jdbc.query("select " + COLUMNS
                + " from contract c join customer cu on cu.id = c.customer_id where " + where
                + " order by " + filter.orderBy() + " limit :limit offset :offset", parameters, ContractListing::row);
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    /** Every matching row up to {@link #EXPORT_LIMIT}, in the list's order. */
    public List<ContractRow> all(ContractFilter filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where = where(filter, parameters);
        parameters.addValue("limit", EXPORT_LIMIT);
        return jdbc.query("select " + COLUMNS + " from contract c join customer cu on cu.id = c.customer_id where "
                + where + " order by " + filter.orderBy() + " limit :limit", parameters, ContractListing::row);
    }

    /** The filter's conditions, visibility first, over {@code contract c} joined with {@code customer cu}. */
    String where(ContractFilter filter, MapSqlParameterSource parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add(visibility.predicate("c", parameters));
        if (filter.status() != null) {
            conditions.add("c.status = :status");
            parameters.addValue("status", filter.status().name());
        }
        if (filter.type() != null) {
            conditions.add("c.type = :type");
            parameters.addValue("type", filter.type().name());
        }
        if (filter.customerId() != null) {
            conditions.add("c.customer_id = :customerId");
            parameters.addValue("customerId", filter.customerId());
        }
        if (filter.owner() != null && !filter.owner().isBlank()) {
            conditions.add("c.owner = :owner");
            parameters.addValue("owner", filter.owner().trim());
        }
        if (filter.from() != null) {
            conditions.add("c.created_at >= :from");
            parameters.addValue("from", OffsetDateTime.ofInstant(filter.from().atStartOfDay(zone).toInstant(), zone));
        }
        if (filter.to() != null) {
            conditions.add("c.created_at < :to");
            parameters.addValue("to", OffsetDateTime.ofInstant(filter.to().plusDays(1).atStartOfDay(zone).toInstant(),
                    zone));
        }
        if (filter.minAmount() != null) {
            conditions.add("c.amount >= :minAmount");
            parameters.addValue("minAmount", filter.minAmount());
        }
        if (filter.maxAmount() != null) {
            conditions.add("c.amount <= :maxAmount");
            parameters.addValue("maxAmount", filter.maxAmount());
        }
        String pattern = filter.likePattern();
        if (pattern != null) {
            conditions.add("(lower(c.number) like :q escape '\\' or lower(c.title) like :q escape '\\'"
                    + " or lower(cu.name) like :q escape '\\')");
            parameters.addValue("q", pattern);
        }
        return String.join(" and ", conditions);
    }

    private static ContractRow row(ResultSet rs, int rowNum) throws SQLException {
        return new ContractRow(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                ContractType.valueOf(rs.getString("type")),
                ContractStatus.valueOf(rs.getString("status")), rs.getString("owner"),
                rs.getLong("customer_id"), rs.getString("customer_name"), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("risk_level"));
    }
}
