package dev.pactum.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.config.PactumProperties;
import dev.pactum.security.CurrentUser;
import dev.pactum.web.DomainException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs custom reports over the contracts the current user may see, and keeps saved ones: a report is its owner's,
 * and also readable by a group it is shared with ({@code *}: everyone). Running a shared report still counts only
 * what the reader may see, so sharing a report never shares contracts.
 */
@Service
public class CustomReports {

    /** The group name that shares a report with every user. */
    public static final String EVERYONE = "*";

    private static final Map<String, String> DIMENSION_SQL = Map.of(
            "customer", "cu.name",
            "month", "to_char(c.created_at at time zone :zone, 'YYYY-MM')",
            "quarter", "to_char(c.created_at at time zone :zone, 'YYYY-\"Q\"Q')",
            "type", "c.type",
            "status", "c.status",
            "owner", "c.owner");

    public record ReportRow(String key, long contracts, BigDecimal value) {
    }

    public record SavedReport(long id, String owner, String name, ReportDefinition definition, String sharedWith) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ContractVisibility visibility;
    private final CnyAmount cny;
    private final CurrentUser currentUser;
    private final ObjectMapper json;
    private final ZoneId zone;

    public CustomReports(NamedParameterJdbcTemplate jdbc, ContractVisibility visibility, CnyAmount cny,
                         CurrentUser currentUser, ObjectMapper json, PactumProperties properties) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.cny = cny;
        this.currentUser = currentUser;
        this.json = json;
        this.zone = properties.zone();
    }

    /** One row per value of the dimension, in the dimension's natural order (time ascending, else largest first). */
    @Transactional(readOnly = true)
    public List<ReportRow> run(ReportDefinition report) {
        MapSqlParameterSource p = new MapSqlParameterSource("zone", zone.getId());
        List<String> where = new ArrayList<>();
        where.add(visibility.predicate("c", p));
        if (report.status() != null) {
            where.add("c.status = :status");
            p.addValue("status", report.status().name());
        }
        if (report.type() != null) {
            where.add("c.type = :type");
            p.addValue("type", report.type().name());
        }
        if (report.from() != null) {
            where.add("c.created_at >= :from");
            p.addValue("from", OffsetDateTime.ofInstant(report.from().atStartOfDay(zone).toInstant(), zone));
        }
        if (report.to() != null) {
            where.add("c.created_at < :to");
            p.addValue("to", OffsetDateTime.ofInstant(report.to().plusDays(1).atStartOfDay(zone).toInstant(), zone));
        }
        String dimension = DIMENSION_SQL.get(report.dimension());
        boolean byTime = report.dimension().equals("month") || report.dimension().equals("quarter");
        String sql = """
                select %s as key, count(*) as contracts, %s as value
                from contract c join customer cu on cu.id = c.customer_id
                where %s
                group by 1 order by %s limit 500""".formatted(dimension, measure(report.measure()),
                String.join(" and ", where), byTime ? "1" : "3 desc nulls last, 1");
        return jdbc.query(sql, p, (rs, i) -> new ReportRow(rs.getString("key"), rs.getLong("contracts"),
                rs.getBigDecimal("value")));
    }

    private String measure(String measure) {
        return switch (measure) {
            case "sumAmount" -> "round(sum(" + cny.of("c") + "), 2)";
            case "avgAmount" -> "round(avg(" + cny.of("c") + "), 2)";
            // Submission to the last decision of the contract's latest approval round, for contracts decided.
            case "cycleHours" -> """
                    round(avg((select extract(epoch from max(l.ended_at) - min(l.started_at)) / 3600
                               from approval_level l where l.contract_id = c.id and l.round = c.approval_round
                               having count(*) = count(l.ended_at)))::numeric, 2)""";
            default -> "count(*)";
        };
    }

    /** The reports the current user may open: their own, and those shared with everyone or with one of their groups. */
    @Transactional(readOnly = true)
    public List<SavedReport> visible() {
        return jdbc.query("select * from saved_report where " + readable() + " order by owner <> :me, name",
                readableParameters(), (rs, i) -> saved(rs));
    }

    @Transactional(readOnly = true)
    public SavedReport get(long id) {
        MapSqlParameterSource p = readableParameters().addValue("id", id);
        return jdbc.query("select * from saved_report where id = :id and " + readable(), p, (rs, i) -> saved(rs))
                .stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("pactum.reporting.reportNotFound", id));
    }

    @Transactional
    public long save(String name, ReportDefinition definition, String sharedWith) {
        return jdbc.queryForObject("""
                insert into saved_report (owner, name, definition, shared_with, created_at, updated_at)
                values (:me, :name, cast(:definition as jsonb), :shared, now(), now()) returning id""",
                new MapSqlParameterSource("me", currentUser.username()).addValue("name", name)
                        .addValue("definition", write(definition)).addValue("shared", blankToNull(sharedWith)),
                Long.class);
    }

    /** Only the owner deletes a report. */
    @Transactional
    public void delete(long id) {
        int deleted = jdbc.update("delete from saved_report where id = :id and owner = :me",
                new MapSqlParameterSource("id", id).addValue("me", currentUser.username()));
        if (deleted == 0) {
            throw DomainException.notFound("pactum.reporting.reportNotFound", id);
        }
    }

    private String readable() {
        return "(owner = :me or shared_with = '" + EVERYONE + "' or shared_with in (:groups))";
    }

    private MapSqlParameterSource readableParameters() {
        List<String> groups = new ArrayList<>(currentUser.groups());
        groups.add("");
        return new MapSqlParameterSource("me", currentUser.username()).addValue("groups", groups);
    }

    private SavedReport saved(ResultSet rs) throws SQLException {
        try {
            return new SavedReport(rs.getLong("id"), rs.getString("owner"), rs.getString("name"),
                    json.readValue(rs.getString("definition"), ReportDefinition.class), rs.getString("shared_with"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("saved_report " + rs.getLong("id") + " holds unreadable JSON", e);
        }
    }

    private String write(ReportDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
