package dev.pactum.reporting;

import dev.pactum.config.PactumProperties;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's numbers over the contracts the current user may see: amounts and counts by month, type, status
 * and customer; approval cycle times from the engine's task history (each decided approval task's duration, from
 * the task's creation to the decision) per level, group and approver; where approvals wait now; SLA breaches.
 * Amounts are in CNY ({@link CnyAmount}).
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

    /** How many months the monthly chart goes back, this month included. */
    public static final int MONTHS = 12;

    public record Bucket(String key, long count, BigDecimal amountCny) {
    }

    /** Hours from task creation to decision: the median and the 90th percentile. */
    public record CycleTime(String key, long decisions, double p50Hours, double p90Hours) {
    }

    /** Approval levels open now at one step: how many contracts wait there, the oldest and the average wait. */
    public record Bottleneck(int level, String groups, long contracts, double oldestHours, double averageHours) {
    }

    public record Breach(long contractId, String number, String title, int level, String groups, Instant dueAt,
                         Instant endedAt) {
    }

    public record Numbers(List<Bucket> byMonth, List<Bucket> byType, List<Bucket> byStatus, List<Bucket> topCustomers,
                          List<CycleTime> cycleByLevel, List<CycleTime> cycleByGroup, List<CycleTime> cycleByApprover,
                          List<Bottleneck> bottlenecks, List<Breach> breaches, long breachesOpen,
                          long breachesClosed) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ContractVisibility visibility;
    private final CnyAmount cny;
    private final ZoneId zone;
    private final Clock clock;

    public Dashboard(NamedParameterJdbcTemplate jdbc, ContractVisibility visibility, CnyAmount cny,
                     PactumProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.cny = cny;
        this.zone = properties.zone();
        this.clock = clock;
    }

    public Numbers numbers() {
        MapSqlParameterSource p = new MapSqlParameterSource("zone", zone.getId())
                .addValue("now", OffsetDateTime.ofInstant(clock.instant(), zone));
        String visible = visibility.predicate("c", p);
        String amount = "coalesce(sum(" + cny.of("c") + "), 0)";
        // The range on created_at lets its index leave older contracts unread; the month join alone reads them all.
        List<Bucket> byMonth = jdbc.query("""
                select to_char(m.month, 'YYYY-MM') as key, count(c.id) as n, %s as amount
                from generate_series(date_trunc('month', (:now)::timestamptz at time zone :zone) - interval '%d month',
                                     date_trunc('month', (:now)::timestamptz at time zone :zone), interval '1 month') m(month)
                left join contract c on date_trunc('month', c.created_at at time zone :zone) = m.month and %s
                    and c.created_at >= (date_trunc('month', (:now)::timestamptz at time zone :zone)
                                         - interval '%d month') at time zone :zone
                group by m.month order by m.month""".formatted(amount, MONTHS - 1, visible, MONTHS - 1), p,
                Dashboard::bucket);
        List<Bucket> byType = jdbc.query("select c.type as key, count(*) as n, " + amount
                + " as amount from contract c where " + visible + " group by c.type order by n desc, key", p,
                Dashboard::bucket);
        List<Bucket> byStatus = jdbc.query("select c.status as key, count(*) as n, " + amount
                + " as amount from contract c where " + visible + " group by c.status order by n desc, key", p,
                Dashboard::bucket);
        List<Bucket> topCustomers = jdbc.query("select cu.name as key, count(*) as n, " + amount
                + " as amount from contract c join customer cu on cu.id = c.customer_id where " + visible
                + " group by cu.id, cu.name order by amount desc, n desc, key limit 10", p, Dashboard::bucket);
        return new Numbers(byMonth, byType, byStatus, topCustomers,
                cycleTimes("l.level::text", visible, p), cycleTimes("d.candidate_groups", visible, p),
                cycleTimes("d.decided_by", visible, p), bottlenecks(visible, p), breaches(visible, p),
                count("l.ended_at is null and l.state = 'ACTIVE' and l.due_at < :now", visible, p),
                count("l.ended_at > l.due_at", visible, p));
    }

    /** Decided approval tasks as the engine's history times them, grouped by {@code key}. */
    private List<CycleTime> cycleTimes(String key, String visible, MapSqlParameterSource p) {
        return jdbc.query("""
                select %s as key, count(*) as n,
                       percentile_cont(0.5) within group (order by t.duration_) / 3600000.0 as p50,
                       percentile_cont(0.9) within group (order by t.duration_) / 3600000.0 as p90
                from approval_decision d
                join act_hi_taskinst t on t.id_ = d.task_id
                join approval_level l on l.id = d.approval_level_id
                join contract c on c.id = l.contract_id
                where t.duration_ is not null and %s
                group by 1 order by p90 desc, key""".formatted(key, visible), p,
                (rs, i) -> new CycleTime(rs.getString("key"), rs.getLong("n"), rs.getDouble("p50"),
                        rs.getDouble("p90")));
    }

    private List<Bottleneck> bottlenecks(String visible, MapSqlParameterSource p) {
        return jdbc.query("""
                select l.level, (select string_agg(g, ', ' order by g) from jsonb_array_elements_text(l.groups) g) as grp,
                       count(*) as n,
                       max(extract(epoch from (:now - l.started_at))) / 3600.0 as oldest,
                       avg(extract(epoch from (:now - l.started_at))) / 3600.0 as average
                from approval_level l join contract c on c.id = l.contract_id
                where l.state = 'ACTIVE' and l.started_at is not null and %s
                group by l.level, grp order by n desc, oldest desc limit 10""".formatted(visible), p,
                (rs, i) -> new Bottleneck(rs.getInt("level"), rs.getString("grp"), rs.getLong("n"),
                        rs.getDouble("oldest"), rs.getDouble("average")));
    }

    /** Levels past their SLA due time: still open, then the most recent closed late. */
    private List<Breach> breaches(String visible, MapSqlParameterSource p) {
        return jdbc.query("""
                select c.id, c.number, c.title, l.level, l.due_at, l.ended_at,
                       (select string_agg(g, ', ' order by g) from jsonb_array_elements_text(l.groups) g) as grp
                from approval_level l join contract c on c.id = l.contract_id
                where l.due_at is not null and ((l.ended_at is null and l.state = 'ACTIVE' and l.due_at < :now)
                       or l.ended_at > l.due_at) and %s
                order by (l.ended_at is null) desc, l.due_at limit 50""".formatted(visible), p,
                (rs, i) -> new Breach(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                        rs.getInt("level"), rs.getString("grp"), instant(rs, "due_at"), instant(rs, "ended_at")));
    }

    private long count(String condition, String visible, MapSqlParameterSource p) {
        return jdbc.queryForObject("select count(*) from approval_level l join contract c on c.id = l.contract_id"
                + " where l.due_at is not null and " + condition + " and " + visible, p, Long.class);
    }

    private static Bucket bucket(ResultSet rs, int rowNum) throws SQLException {
        return new Bucket(rs.getString("key"), rs.getLong("n"), rs.getBigDecimal("amount"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
