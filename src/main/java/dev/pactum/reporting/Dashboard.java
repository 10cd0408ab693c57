package dev.pactum.reporting;

import dev.pactum.config.PactumProperties;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The chart a row of {@link #charts} belongs to: {@code grouping(made, type, status, customer_id)}, one bit set
     * for each column the row is not grouped by.
     */
    private static final int MONTH = 0b0111;
    private static final int TYPE = 0b1011;
    private static final int STATUS = 0b1101;
    private static final int CUSTOMERS = 0b1110;

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
        Charts charts = charts(visible, p);
        return new Numbers(charts.byMonth(), charts.byType(), charts.byStatus(), charts.topCustomers(),
                cycleTimes("l.level::text", visible, p), cycleTimes("d.candidate_groups", visible, p),
                cycleTimes("d.decided_by", visible, p), bottlenecks(visible, p), breaches(visible, p),
                count("l.ended_at is null and l.state = 'ACTIVE' and l.due_at < :now", visible, p),
                count("l.ended_at > l.due_at", visible, p));
    }

    private record Charts(List<Bucket> byMonth, List<Bucket> byType, List<Bucket> byStatus,
                          List<Bucket> topCustomers) {
    }

    /**
     * The four contract charts from one read of the visible contracts: one grouping set per chart, ranked per set.
     * Months outside the last {@link #MONTHS} are dropped after grouping; months without contracts are added as
     * zeros. Customers are grouped by id and named after grouping.
     */
    private Charts charts(String visible, MapSqlParameterSource p) {
        String thisMonth = "date_trunc('month', (:now)::timestamptz at time zone :zone)";
        List<Bucket> byMonth = new ArrayList<>();
        List<Bucket> byType = new ArrayList<>();
        List<Bucket> byStatus = new ArrayList<>();
        List<Bucket> topCustomers = new ArrayList<>();
        // The month is grouped over every contract and the window applied to the groups: grouping by the month only
        // for the last twelve gives the planner a row estimate it sorts 100,000 rows for; this way every set hashes.
        // OFFSET 0 keeps the per-contract expressions in a subquery of their own, read once.
        jdbc.query("""
                with sets as (
                    select grouping(v.made, v.type, v.status, v.customer_id) as chart, v.made, v.type, v.status,
                           v.customer_id, count(*) as n, coalesce(sum(v.amount), 0) as amount
                    from (select c.type, c.status, c.customer_id, %s as amount,
                                 date_trunc('month', c.created_at at time zone :zone) as made
                          from contract c where %s offset 0) v
                    group by grouping sets ((v.made), (v.type), (v.status), (v.customer_id))
                ), keyed as (
                    select s.chart, s.n, s.amount,
                           case s.chart when %d then to_char(s.made, 'YYYY-MM') when %d then s.type
                                        when %d then s.status else cu.name end as key
                    from sets s left join customer cu on s.chart = %d and cu.id = s.customer_id
                    where s.chart <> %d or s.made between %s - interval '%d month' and %s
                )
                select chart, key, n, amount from (
                    select k.*, row_number() over (partition by chart order by
                        case when chart = %d then amount end desc, case when chart = %d then key end,
                        n desc, key) as rank
                    from keyed k) ranked
                where chart <> %d or rank <= 10
                order by chart, rank""".formatted(cny.of("c"), visible, MONTH, TYPE, STATUS, CUSTOMERS, MONTH,
                thisMonth, MONTHS - 1, thisMonth, CUSTOMERS, MONTH, CUSTOMERS), p, rs -> {
            Bucket bucket = bucket(rs, 0);
            switch (rs.getInt("chart")) {
                case MONTH -> byMonth.add(bucket);
                case TYPE -> byType.add(bucket);
                case STATUS -> byStatus.add(bucket);
                case CUSTOMERS -> topCustomers.add(bucket);
                default -> throw new IllegalStateException("grouping " + rs.getInt("chart"));
            }
        });
        return new Charts(withEmptyMonths(byMonth), byType, byStatus, topCustomers);
    }

    /** The last {@link #MONTHS} months in the company's zone, oldest first, zero where no contract was made. */
    private List<Bucket> withEmptyMonths(List<Bucket> months) {
        Map<String, Bucket> byKey = new HashMap<>();
        months.forEach(bucket -> byKey.put(bucket.key(), bucket));
        YearMonth thisMonth = YearMonth.from(clock.instant().atZone(zone));
        List<Bucket> all = new ArrayList<>();
        for (int back = MONTHS - 1; back >= 0; back--) {
            String key = thisMonth.minusMonths(back).toString();
            all.add(byKey.getOrDefault(key, new Bucket(key, 0, BigDecimal.ZERO)));
        }
        return all;
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
