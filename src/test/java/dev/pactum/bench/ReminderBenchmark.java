package dev.pactum.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumApplication;
import dev.pactum.calendar.BusinessCalendar;
import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.CreditCodes;
import dev.pactum.contract.Customer;
import dev.pactum.contract.CustomerService;
import dev.pactum.contract.MilestonePlan;
import dev.pactum.contract.NewContract;
import dev.pactum.contract.NewCustomer;
import dev.pactum.process.ContractProcess;
import dev.pactum.process.ContractProcess.Element;
import dev.pactum.process.ContractProcess.Var;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One business day of payment reminders, overdue marks and escalations over many ACTIVE contracts with four
 * milestones each, fired by the job executor; then a second node (a separate JVM on the same database) is killed
 * while it holds locked jobs, and the time until this node executes them is measured.
 * <p>
 * Creation, in bulk and not timed as part of the day: the contract rows are cloned from one drafted through
 * {@link ContractService} (JDBC batches, status SIGNED); each lifecycle instance is started through the engine API
 * directly at "Start date" ({@code startBeforeActivity}), the contract bound to it by a JDBC batch update; the
 * start-date timers are then executed (activation, schedule, milestones and their timers, renewal planning: the
 * model's own delegates). Due dates are spread so that one milestone in {@code bench.dueEvery} has an event on the
 * business day (and as many on the day after, for the failover), each kind (7-day reminder, 1-day reminder, overdue,
 * escalation) a quarter of them; what fell due before the day is fired first ("catch-up", the days before).
 * <p>
 * Run: {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=dev.pactum.bench.ReminderBenchmark}
 * (options: -Dbench.contracts=100000 -Dbench.dueEvery=20 -Dbench.threads=4 -Dbench.day=2027-03-10
 * -Dbench.lockMillis=60000 -Dbench.failover=true).
 */
public final class ReminderBenchmark {

    private static final String NUMBER_PREFIX = "RB";
    private static final int KINDS = 4; // 7-day reminder, 1-day reminder, overdue, escalation

    private ReminderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("node")) {
            runSecondNode(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int contracts = Integer.getInteger("bench.contracts", 100_000);
        int dueEvery = Integer.getInteger("bench.dueEvery", 20);
        int threads = Integer.getInteger("bench.threads", 4);
        long lockMillis = Long.getLong("bench.lockMillis", 60_000);
        boolean failover = Boolean.parseBoolean(System.getProperty("bench.failover", "true"));
        LocalDate day = LocalDate.parse(System.getProperty("bench.day", "2027-03-10"));
        if (day.getDayOfWeek().getValue() > DayOfWeek.THURSDAY.getValue()) {
            throw new IllegalArgumentException("bench.day must be Monday to Thursday (the day after is the failover's)");
        }
        System.out.printf("Reminder benchmark: %d contracts x 4 milestones, 1 milestone in %d with an event on %s, "
                + "%d threads for creation; %s%n", contracts, dueEvery, day, threads, Bench.uptime());
        SpringApplication app = new SpringApplication(PactumApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                "--pactum.demo-data.enabled=true", "--camunda.bpm.job-execution.enabled=false")) {
            new Run(context, contracts, dueEvery, threads, lockMillis, day).run(failover);
        } finally {
            ClockUtil.reset();
        }
    }

    private static final class Run {
        private final ConfigurableApplicationContext context;
        private final DataSource db;
        private final ProcessEngine engine;
        private final RuntimeService runtime;
        private final ManagementService management;
        private final BusinessCalendar calendar;
        private final ZoneId zone;
        private final int contracts;
        private final int dueEvery;
        private final int threads;
        private final long lockMillis;
        private final LocalDate day;
        private final Map<String, int[]> expected = new LinkedHashMap<>(); // day -> events per kind
        private final List<String> figures = new ArrayList<>();
        private double activationRate;

        Run(ConfigurableApplicationContext context, int contracts, int dueEvery, int threads, long lockMillis,
            LocalDate day) {
            this.context = context;
            this.db = context.getBean(DataSource.class);
            this.engine = context.getBean(ProcessEngine.class);
            this.runtime = engine.getRuntimeService();
            this.management = engine.getManagementService();
            this.calendar = context.getBean(BusinessCalendar.class);
            this.zone = context.getBean(PactumProperties.class).zone();
            this.contracts = contracts;
            this.dueEvery = dueEvery;
            this.threads = threads;
            this.lockMillis = lockMillis;
            this.day = day;
        }

        void run(boolean failover) throws Exception {
            moveClockTo(startOf(day.minusDays(1)));
            long t0 = System.nanoTime();
            long template = templateContract();
            List<long[]> rows = insertContracts(template);
            double insertSeconds = seconds(t0);
            long t1 = System.nanoTime();
            startInstances(rows);
            double startSeconds = seconds(t1);
            long t2 = System.nanoTime();
            int activated = activate();
            double activateSeconds = seconds(t2);
            activationRate = activated / activateSeconds;
            System.out.printf("Created %d ACTIVE contracts: rows %.1f s, instances started at \"Start date\" %.1f s "
                    + "(%.0f/s), start-date jobs executed %.1f s (%.0f contracts/s, %d threads); %s%n", activated,
                    insertSeconds, startSeconds, contracts / startSeconds, activateSeconds,
                    activated / activateSeconds, threads, Bench.uptime());
            figures.add(String.format("creation: %d contracts in %.0f s (rows %.0f s, starts %.0f s, activation "
                    + "%.0f s = %.0f contracts/s)", activated, seconds(t0), insertSeconds, startSeconds,
                    activateSeconds, activated / activateSeconds));
            System.out.printf("  runtime rows: %s%n", tableSizes());

            JobExecutor executor = jobExecutor();
            // The days before: reminders and overdue marks of the milestones whose events on the day follow earlier ones.
            // noon the day before: after its 09:00 reminders, well before the day's 00:00 overdue marks (the clock
            // runs on from here while the catch-up runs)
            moveClockTo(startOf(day).minus(Duration.ofHours(12)));
            DayResult catchUp = fireDueJobs(executor, "catch-up (days before " + day + ")");
            moveClockTo(startOf(day).plus(Duration.ofHours(9)).plusSeconds(60));
            long heapBefore = heapAfterGc();
            DayResult business = fireDueJobs(executor, "business day " + day);
            long heapAfter = heapAfterGc();
            Check check = check(day);
            System.out.printf("  heap used after GC: %.0f MB before, %.0f MB after (this JVM is Maven's, with the "
                    + "app in it)%n", heapBefore / 1e6, heapAfter / 1e6);
            figures.add(String.format("%s: %d jobs in %.1f s = %.0f jobs/s, failed %d; notifications %d for %d "
                    + "events (expected %d), duplicates %d; heap after GC %.0f -> %.0f MB", business.name,
                    business.jobs, business.seconds, business.jobs / business.seconds, business.failed,
                    check.notifications, check.events, check.expectedEvents, check.duplicates, heapBefore / 1e6,
                    heapAfter / 1e6));
            figures.add(String.format("catch-up: %d jobs in %.1f s = %.0f jobs/s", catchUp.jobs, catchUp.seconds,
                    catchUp.jobs / catchUp.seconds));
            if (failover) {
                failover(executor);
            }
            System.out.printf("%nSummary (%s):%n", Bench.uptime());
            figures.forEach(f -> System.out.println("  " + f));
            double perContract = (double) business.jobs / contracts;
            System.out.printf("Ratio: the day's jobs run %.1fx faster than contracts are activated (jobs/s over "
                    + "activations/s, same engine and run)%n", (business.jobs / business.seconds) / activationRate);
            System.out.printf("Extrapolated to 100,000 contracts (%.3f jobs per contract on the day): %.0f jobs, "
                    + "%.0f s at this run's rate (optimistic: acquisition scans a job table %.0fx as large)%n",
                    perContract, perContract * 100_000, perContract * 100_000 / (business.jobs / business.seconds),
                    100_000.0 / contracts);
        }

        /** One contract drafted through the service (so that every column is what the application writes). */
        private long templateContract() {
            Customer customer = context.getBean(CustomerService.class).register(new NewCustomer("提醒基准客户有限公司",
                    CreditCodes.withCheckCharacter("91310000MA1REMIN7"), "提醒", null, null, null, "CNY", false));
            LocalDate start = day.minusDays(60);
            List<MilestonePlan> plans = new ArrayList<>();
            for (int k = 1; k <= 4; k++) {
                plans.add(new MilestonePlan(start.plusDays(90L * k), null, null, new BigDecimal("62500.00"), null,
                        "回款节点 " + k));
            }
            Contract draft = context.getBean(ContractService.class).draft(new NewContract("sales-standard",
                    customer.getId(), "提醒基准合同", ContractType.SALES, new BigDecimal("250000"), "CNY", start,
                    start.plusYears(2), 30, Map.of(), new ContractTerms(new BigDecimal("250000"), false, null, null),
                    null, plans), "sales1", null).contract();
            return draft.getId();
        }

        /**
         * The milestone due dates of contract {@code i}: one milestone in {@code dueEvery} has an event on the day
         * (or, for the failover, on the day after), the kinds in turn; every other milestone falls due later.
         */
        private LocalDate[] dueDates(int i) {
            LocalDate[] due = new LocalDate[4];
            for (int k = 0; k < 4; k++) {
                int m = 4 * i + k;
                if (m % dueEvery == 0) {
                    int slot = m / dueEvery;
                    LocalDate on = slot % 2 == 0 ? day : day.plusDays(1);
                    int kind = (slot / 2) % KINDS;
                    due[k] = dueFor(on, kind);
                    for (int event = 0; event < KINDS; event++) {
                        // every event of the milestone, whichever day it falls on (an overdue mark on the day may
                        // belong to a milestone planned for an escalation the day after)
                        expected.computeIfAbsent(eventDay(due[k], event).toString(), d -> new int[KINDS])[event]++;
                    }
                } else {
                    due[k] = day.plusDays(9 + (m * 7L) % 300);
                }
            }
            return due;
        }

        private LocalDate eventDay(LocalDate due, int kind) {
            return switch (kind) {
                case 0 -> due.minusDays(7);
                case 1 -> due.minusDays(1);
                case 2 -> due.plusDays(1);
                default -> calendar.plusWorkingTime(startOf(due.plusDays(1)), Duration.ofDays(3)).atZone(zone)
                        .toLocalDate();
            };
        }

        private LocalDate dueFor(LocalDate on, int kind) {
            return switch (kind) {
                case 0 -> on.plusDays(7);
                case 1 -> on.plusDays(1);
                case 2 -> on.minusDays(1);
                default -> {
                    for (LocalDate d = on.minusDays(1); ; d = d.minusDays(1)) {
                        Instant escalateAt = calendar.plusWorkingTime(startOf(d.plusDays(1)), Duration.ofDays(3));
                        if (escalateAt.atZone(zone).toLocalDate().equals(on)) {
                            yield d;
                        }
                    }
                }
            };
        }

        private List<long[]> insertContracts(long template) throws Exception {
            List<String> columns = new ArrayList<>();
            String milestonesJson;
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("select column_name from information_schema.columns where "
                        + "table_name = 'contract' and table_schema = current_schema() and column_name <> 'id' "
                        + "order by ordinal_position")) {
                    while (r.next()) {
                        columns.add(r.getString(1));
                    }
                }
                try (ResultSet r = s.executeQuery("select milestones::text from contract where id = " + template)) {
                    r.next();
                    milestonesJson = r.getString(1);
                }
            }
            Map<String, String> overrides = Map.of("number", "?", "title", "?", "status", "'SIGNED'",
                    "process_instance_id", "null", "start_date", "?", "end_date", "?", "milestones", "?::jsonb",
                    "idempotency_key", "null", "idempotency_fingerprint", "null");
            String sql = "insert into contract (" + String.join(", ", columns) + ") select "
                    + String.join(", ", columns.stream().map(col -> overrides.getOrDefault(col, col)).toList())
                    + " from contract where id = " + template;
            ObjectMapper json = new ObjectMapper();
            List<Map<String, Object>> plan = json.readValue(milestonesJson,
                    json.getTypeFactory().constructCollectionType(List.class, Map.class));
            try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
                c.setAutoCommit(false);
                for (int i = 0; i < contracts; i++) {
                    LocalDate start = day.minusDays(30 + i % 200);
                    LocalDate[] due = dueDates(i);
                    for (int k = 0; k < 4; k++) {
                        plan.get(k).put("dueDate", due[k].toString());
                    }
                    insert.setString(1, NUMBER_PREFIX + i);
                    insert.setString(2, "提醒基准合同 " + i);
                    insert.setObject(3, start);
                    insert.setObject(4, day.plusDays(420));
                    insert.setString(5, json.writeValueAsString(plan));
                    insert.addBatch();
                    if (i % 1000 == 999 || i == contracts - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            List<long[]> rows = new ArrayList<>();
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select id, substring(number from 3)::int from contract where number "
                         + "like '" + NUMBER_PREFIX + "%' order by id")) {
                while (r.next()) {
                    rows.add(new long[] {r.getLong(1), r.getInt(2)});
                }
            }
            return rows;
        }

        /** Each instance starts at "Start date" (signed, coming into force on its start date); bound by JDBC. */
        private void startInstances(List<long[]> rows) throws Exception {
            AtomicInteger next = new AtomicInteger();
            int chunk = 200;
            parallel(() -> {
                try (Connection c = db.getConnection(); PreparedStatement bind = c.prepareStatement(
                        "update contract set process_instance_id = ? where id = ?")) {
                    for (int from = next.getAndAdd(chunk); from < rows.size(); from = next.getAndAdd(chunk)) {
                        for (int j = from; j < Math.min(rows.size(), from + chunk); j++) {
                            long id = rows.get(j)[0];
                            int i = (int) rows.get(j)[1];
                            String instance = runtime.createProcessInstanceByKey(ContractProcess.KEY)
                                    .startBeforeActivity(Element.AWAIT_START_DATE)
                                    .setVariable(Var.CONTRACT_ID, id)
                                    .setVariable(Var.CONTRACT_OWNER, "sales1")
                                    .setVariable(Var.CONTRACT_NUMBER, NUMBER_PREFIX + i)
                                    .setVariable(Var.ACTIVATION_AT, Date.from(startOf(day.minusDays(30 + i % 200))))
                                    // the start listener binds contracts that ContractService.submit starts; these
                                    // are bound below, in bulk
                                    .execute(true, false).getId();
                            bind.setString(1, instance);
                            bind.setLong(2, id);
                            bind.addBatch();
                        }
                        bind.executeBatch();
                    }
                }
                return null;
            });
        }

        /** The start-date timers, executed by this benchmark's threads: ACTIVE, schedule opened, timers set. */
        private int activate() throws Exception {
            List<String> jobs = new ArrayList<>();
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select j.id_ from act_ru_job j join act_ru_execution e on e.id_ = j.execution_id_ where e.act_id_ = '"
                         + Element.AWAIT_START_DATE + "'")) {
                while (r.next()) {
                    jobs.add(r.getString(1));
                }
            }
            AtomicInteger next = new AtomicInteger();
            parallel(() -> {
                for (int j = next.getAndIncrement(); j < jobs.size(); j = next.getAndIncrement()) {
                    management.executeJob(jobs.get(j));
                }
                return null;
            });
            return (int) count("select count(*) from contract where number like '" + NUMBER_PREFIX
                    + "%' and status = 'ACTIVE'");
        }

        private JobExecutor jobExecutor() {
            ProcessEngineConfigurationImpl configuration =
                    (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            JobExecutor executor = configuration.getJobExecutor();
            if (executor == null) {
                executor = new DefaultJobExecutor();
                executor.registerProcessEngine((org.camunda.bpm.engine.impl.ProcessEngineImpl) engine);
            }
            System.out.printf("  job executor: %s, %d jobs per acquisition, lock time %d ms, wait %d ms%n",
                    executor.getClass().getSimpleName(), executor.getMaxJobsPerAcquisition(),
                    executor.getLockTimeInMillis(), executor.getWaitTimeInMillis());
            return executor;
        }

        private DayResult fireDueJobs(JobExecutor executor, String name) throws Exception {
            long jobs = dueJobs();
            long failedBefore = failedJobs();
            long started = System.nanoTime();
            executor.start();
            while (dueJobs() > 0 || lockedJobs() > 0) {
                Thread.sleep(100);
            }
            double seconds = seconds(started);
            executor.shutdown();
            long failed = failedJobs() - failedBefore;
            System.out.printf("%s: %d due jobs executed in %.1f s, %.0f jobs/s, failed %d; %s%n", name, jobs,
                    seconds, jobs / seconds, failed, Bench.uptime());
            return new DayResult(name, jobs, seconds, failed);
        }

        /** Notifications raised on {@code on}, against the events planned for it; duplicates over the whole run. */
        private Check check(LocalDate on) throws Exception {
            int[] kinds = expected.getOrDefault(on.toString(), new int[KINDS]);
            int expectedEvents = kinds[0] + kinds[1] + kinds[2] + kinds[3];
            String window = "created_at >= '" + startOf(on) + "' and created_at < '" + startOf(on.plusDays(1))
                    + "' and kind like 'payment%'";
            long notifications = count("select count(*) from notification where " + window);
            long events = count("select count(distinct event_key) from notification where " + window);
            long duplicates = count("select count(*) - count(distinct (event_key, recipient)) from notification "
                    + "where event_key is not null");
            Map<String, Long> byKind = new LinkedHashMap<>();
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select kind, count(distinct event_key) from notification where "
                         + window + " group by kind order by kind")) {
                while (r.next()) {
                    byKind.put(r.getString(1), r.getLong(2));
                }
            }
            System.out.printf("  %s: events due (all milestones): 7-day reminders %d, 1-day reminders %d, overdue %d, "
                    + "escalations %d; notified events by kind %s, %d notifications; duplicate (event, recipient) "
                    + "%d%n", on, kinds[0], kinds[1], kinds[2], kinds[3], byKind, notifications, duplicates);
            return new Check(expectedEvents, events, notifications, duplicates);
        }

        /**
         * A second node (separate JVM, same database, same engine clock offset, job executor on) acquires the day
         * after's due jobs; it is killed (SIGKILL) while it holds locks; this node's job executor then starts, and
         * the time until the dead node's locked jobs are executed here is measured.
         */
        private void failover(JobExecutor executor) throws Exception {
            LocalDate next = day.plusDays(1);
            Instant at = startOf(next).plus(Duration.ofHours(9)).plusSeconds(60);
            long offset = moveClockTo(at);
            long due = dueJobsLockedOrNot();
            String url = ((com.zaxxer.hikari.HikariDataSource) db).getJdbcUrl();
            File log = new File("target/reminder-benchmark-node-b.log");
            List<String> command = new ArrayList<>(List.of(
                    new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx1g",
                    "-Dbench.clockOffset=" + offset, "-cp", classpath(), ReminderBenchmark.class.getName(), "node",
                    "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--camunda.bpm.job-execution.enabled=true",
                    "--camunda.bpm.job-execution.lock-time-in-millis=" + lockMillis));
            long launched = System.nanoTime();
            Process nodeB = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
            long lockedByB;
            while ((lockedByB = lockedJobs()) < 3) {
                if (!nodeB.isAlive()) {
                    throw new IllegalStateException("node B ended before it locked jobs: see " + log);
                }
                Thread.sleep(20);
            }
            double bootSeconds = seconds(launched);
            nodeB.destroyForcibly();
            nodeB.waitFor();
            long killed = System.nanoTime();
            List<String> orphaned = new ArrayList<>();
            Instant lockExpires = null;
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select id_, lock_exp_time_ from act_ru_job where lock_owner_ is "
                         + "not null")) {
                while (r.next()) {
                    orphaned.add(r.getString(1));
                    Instant expires = r.getTimestamp(2).toInstant();
                    lockExpires = lockExpires == null || expires.isAfter(lockExpires) ? expires : lockExpires;
                }
            }
            long executedByB = due - dueJobsLockedOrNot();
            System.out.printf("Failover on %s: node B (separate JVM) booted and locked jobs %.1f s after launch; "
                    + "killed (SIGKILL) holding %d locked jobs (%d of the day's %d already executed by it); lock "
                    + "expires %.1f s after the kill (lock time %d ms)%n", next, bootSeconds, orphaned.size(),
                    executedByB, due, lockExpires == null ? 0 : Duration.between(ClockUtil.now().toInstant(),
                            lockExpires).toMillis() / 1000.0, lockMillis);
            executor.start();
            double pickedUp = -1;
            while (dueJobs() > 0 || lockedJobs() > 0) {
                if (pickedUp < 0 && remaining(orphaned) == 0) {
                    pickedUp = seconds(killed);
                }
                Thread.sleep(100);
            }
            if (pickedUp < 0) {
                pickedUp = seconds(killed);
            }
            double allDone = seconds(killed);
            executor.shutdown();
            Check check = check(next);
            System.out.printf("  this node executed the dead node's %d locked jobs %.1f s after the kill; all of the "
                    + "day's jobs done %.1f s after the kill; failed jobs %d%n", orphaned.size(), pickedUp, allDone,
                    failedJobs());
            figures.add(String.format("failover: node B killed holding %d locked jobs; picked up and executed by "
                    + "this node %.1f s after the kill (lock time %d ms); notifications %d for %d events (expected "
                    + "%d), duplicates %d, failed jobs %d", orphaned.size(), pickedUp, lockMillis,
                    check.notifications, check.events, check.expectedEvents, check.duplicates, failedJobs()));
        }

        private long remaining(List<String> ids) throws Exception {
            try (Connection c = db.getConnection();
                 PreparedStatement s = c.prepareStatement("select count(*) from act_ru_job where id_ = any(?)")) {
                s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }

        private long dueJobs() throws Exception {
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select count(*) from "
                    + "act_ru_job where retries_ > 0 and suspension_state_ = 1 and duedate_ <= ? and lock_owner_ is null")) {
                s.setTimestamp(1, new java.sql.Timestamp(ClockUtil.now().getTime()));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }

        private long dueJobsLockedOrNot() throws Exception {
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select count(*) from "
                    + "act_ru_job where retries_ > 0 and suspension_state_ = 1 and duedate_ <= ?")) {
                s.setTimestamp(1, new java.sql.Timestamp(ClockUtil.now().getTime()));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }

        private long lockedJobs() throws Exception {
            return count("select count(*) from act_ru_job where lock_owner_ is not null");
        }

        private long failedJobs() throws Exception {
            return count("select count(*) from act_ru_job where exception_msg_ is not null or retries_ = 0")
                    + count("select count(*) from act_ru_incident");
        }

        private String tableSizes() throws Exception {
            return "executions " + count("select count(*) from act_ru_execution") + ", variables "
                    + count("select count(*) from act_ru_variable") + ", jobs " + count("select count(*) from act_ru_job")
                    + ", database " + count("select pg_database_size(current_database())") / 1_000_000 + " MB";
        }

        private long count(String sql) throws Exception {
            try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        }

        private void parallel(java.util.concurrent.Callable<Void> work) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Void>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(work));
                }
                for (Future<Void> future : futures) {
                    future.get();
                }
            } finally {
                pool.shutdown();
            }
        }

        private Instant startOf(LocalDate date) {
            return date.atStartOfDay(zone).toInstant();
        }
    }

    /** The engine clock runs on from {@code at} (an offset to real time: lock expiry needs a clock that moves). */
    private static long moveClockTo(Instant at) {
        long offset = at.toEpochMilli() - System.currentTimeMillis();
        ClockUtil.offset(offset);
        return offset;
    }

    /** The second node: the application with its job executor on, against the first node's database. */
    private static void runSecondNode(String[] args) {
        ClockUtil.offset(Long.getLong("bench.clockOffset"));
        SpringApplication app = new SpringApplication(PactumApplication.class);
        app.setAdditionalProfiles("test");
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                "--pactum.demo-data.enabled=false"));
        all.addAll(List.of(args));
        app.run(all.toArray(new String[0]));
    }

    /** This JVM's class path as exec:java built it (its class loader's), for the second node. */
    private static String classpath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = ReminderBenchmark.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(new File(url.getPath()).getPath());
                }
            }
        }
        if (entries.isEmpty()) {
            return System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, entries);
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private record DayResult(String name, long jobs, double seconds, long failed) {
    }

    private record Check(long expectedEvents, long events, long notifications, long duplicates) {
    }
}
