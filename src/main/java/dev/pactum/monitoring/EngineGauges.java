package dev.pactum.monitoring;

import dev.pactum.approval.ApprovalService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What an operator alerts on, as gauges: the job executor's backlog (jobs due and executable now), failed jobs (no
 * retries left), open incidents, open user tasks per candidate group, and approval levels past their SLA. Read from
 * the database every {@code pactum.monitoring.gauge-refresh}; a scrape reports the last reading. While the database
 * cannot be read the gauges report NaN (no value) rather than a stale one.
 */
@Component
public class EngineGauges {

    private static final Logger log = LoggerFactory.getLogger(EngineGauges.class);

    /** One reading of everything, swapped in whole so a scrape never mixes two readings. */
    record Reading(double executableJobs, double failedJobs, double openIncidents, double approvalsPastSla,
                   Map<String, Long> openTasksByGroup) {

        static final Reading NONE = new Reading(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of());
    }

    private final ManagementService management;
    private final RuntimeService runtime;
    private final ApprovalService approvals;
    private final JdbcTemplate jdbc;
    private final MultiGauge openTasks;
    /** Groups that had tasks once keep a series (at 0) instead of vanishing from the scrape. */
    private final Set<String> groupsSeen = new ConcurrentSkipListSet<>();
    private volatile Reading reading = Reading.NONE;

    EngineGauges(MeterRegistry registry, ManagementService management, RuntimeService runtime,
                 ApprovalService approvals, JdbcTemplate jdbc) {
        this.management = management;
        this.runtime = runtime;
        this.approvals = approvals;
        this.jdbc = jdbc;
        gauge(registry, "pactum.jobs.executable", "Jobs due now that the job executor may run (its backlog)",
                Reading::executableJobs);
        gauge(registry, "pactum.jobs.failed", "Jobs with no retries left (each also shows as an incident)",
                Reading::failedJobs);
        gauge(registry, "pactum.incidents.open", "Open incidents in the engine (Cockpit lists them)",
                Reading::openIncidents);
        gauge(registry, "pactum.approvals.past.sla", "Approval levels still open after their SLA due time",
                Reading::approvalsPastSla);
        openTasks = MultiGauge.builder("pactum.tasks.open")
                .description("Open user tasks offered to each candidate group").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Reading> value) {
        Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.reading)).description(description)
                .register(registry);
    }

    /** Reads every gauge's value now; also called by tests that need a reading at once. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${pactum.monitoring.gauge-refresh:PT30S}")
    public void refresh() {
        Reading next;
        try {
            next = new Reading(
                    management.createJobQuery().executable().count(),
                    management.createJobQuery().noRetriesLeft().count(),
                    runtime.createIncidentQuery().count(),
                    approvals.countOpenPastSla(),
                    openTasksByCandidateGroup());
        } catch (RuntimeException e) {
            log.warn("Engine gauges not read: {}", e.getMessage());
            next = Reading.NONE;
        }
        reading = next;
        groupsSeen.addAll(next.openTasksByGroup().keySet());
        Map<String, Long> tasks = next.openTasksByGroup();
        boolean known = next != Reading.NONE;
        openTasks.register(groupsSeen.stream()
                .map(group -> MultiGauge.Row.of(Tags.of("group", group),
                        known ? tasks.getOrDefault(group, 0L) : Double.NaN))
                .toList(), true);
    }

    Reading reading() {
        return reading;
    }

    private Map<String, Long> openTasksByCandidateGroup() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("""
                select l.group_id_, count(distinct l.task_id_)
                from act_ru_identitylink l join act_ru_task t on t.id_ = l.task_id_
                where l.type_ = 'candidate' and l.group_id_ is not null
                group by l.group_id_""", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
