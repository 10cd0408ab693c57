package dev.pactum.bench;

import dev.pactum.PactumApplication;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.CreditCodes;
import dev.pactum.contract.Customer;
import dev.pactum.contract.CustomerService;
import dev.pactum.contract.NewContract;
import dev.pactum.contract.NewCustomer;
import dev.pactum.obligation.SigningService;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Contracts per second from submit to ACTIVE (approved, signed by both sides) through the real engine and database, against the raw commit
 * throughput of the same PostgreSQL with the same number of threads (one small insert per transaction over JDBC).
 * Run: {@code mvn -q -Pbench test-compile exec:java} (options: -Dbench.contracts=2000 -Dbench.threads=4).
 */
public final class LifecycleBenchmark {

    private static final Map<String, String> APPROVER_BY_GROUP = Map.of("sales-managers", "manager1",
            "legal", "legal1", "finance", "finance1", "directors", "director1");

    private LifecycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int contracts = Integer.getInteger("bench.contracts", 2000);
        int threads = Integer.getInteger("bench.threads", 4);
        SpringApplication app = new SpringApplication(PactumApplication.class);
        app.setAdditionalProfiles("test");
        SqlCounter sql = new SqlCounter();
        app.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(sql));
        // The benchmark's threads run the company-signature jobs themselves, so that their cost is counted.
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                "--pactum.demo-data.enabled=true", "--camunda.bpm.job-execution.enabled=false")) {
            System.out.println("Load before: " + Bench.uptime());
            Lifecycle lifecycle = new Lifecycle(context);
            lifecycle.run(Math.min(100, contracts), threads); // warm-up: JIT, connection pool, template cache
            DataSource dataSource = context.getBean(DataSource.class);
            long serverCommitsBefore = serverCommits(dataSource);
            int port = port(dataSource);
            long jvmCpuBefore = Bench.jvmCpuNanos();
            long pgCpuBefore = Bench.postgresCpuNanos(port);
            SqlCounter.Snapshot sqlBefore = sql.snapshot();
            Map<String, Long> tallyBefore = sql.tallySnapshot();
            Result lifecycleResult = lifecycle.run(contracts, threads);
            SqlCounter.Snapshot lifecycleSql = sql.snapshot().minus(sqlBefore);
            long lifecycleJvmCpu = Bench.jvmCpuNanos() - jvmCpuBefore;
            long lifecyclePgCpu = Bench.postgresCpuNanos(port) - pgCpuBefore;
            Map<String, Long> tallyAfter = sql.tallySnapshot();
            long lifecycleServerCommits = serverCommits(dataSource) - serverCommitsBefore;
            Result baseline = rawCommits(context.getBean(DataSource.class), contracts * 5, threads);
            EngineFloor floor = new EngineFloor(context);
            floor.run(Math.min(200, contracts), threads); // warm-up
            SqlCounter.Snapshot floorBefore = sql.snapshot();
            long floorJvmBefore = Bench.jvmCpuNanos();
            long floorPgBefore = Bench.postgresCpuNanos(port);
            Result floorResult = floor.run(contracts * 2, threads);
            SqlCounter.Snapshot floorSql = sql.snapshot().minus(floorBefore);
            long floorJvmCpu = Bench.jvmCpuNanos() - floorJvmBefore;
            long floorPgCpu = Bench.postgresCpuNanos(port) - floorPgBefore;
            System.out.printf("%nLifecycle: %d contracts submit -> ACTIVE, %d threads%n", contracts, threads);
            System.out.printf("  throughput %.1f contracts/s, latency p50 %.1f ms, p99 %.1f ms%n",
                    lifecycleResult.perSecond(), lifecycleResult.percentile(50), lifecycleResult.percentile(99));
            lifecycle.printSteps();
            System.out.printf("  per contract: %.1f statements executed one by one + %.1f batches (%.1f rows batched), "
                    + "%.1f commits, %.2f rollbacks (JDBC); %.1f transactions committed by the server "
                    + "(pg_stat_database, whole server)%n", lifecycleSql.statements() / (double) contracts,
                    lifecycleSql.batches() / (double) contracts, lifecycleSql.batchedRows() / (double) contracts,
                    lifecycleSql.commits() / (double) contracts, lifecycleSql.rollbacks() / (double) contracts,
                    lifecycleServerCommits / (double) contracts);
            System.out.printf("Baseline: %d single-insert JDBC commits on the same PostgreSQL, %d threads%n",
                    baseline.count(), threads);
            System.out.printf("  throughput %.1f commits/s, latency p50 %.2f ms, p99 %.2f ms%n",
                    baseline.perSecond(), baseline.percentile(50), baseline.percentile(99));
            System.out.printf("Engine floor: %d trivial instances (start -> one user task, claimed and completed -> "
                    + "end), same engine and configuration, %d threads%n", floorResult.count(), threads);
            System.out.printf("  throughput %.1f instances/s, latency p50 %.2f ms, p99 %.2f ms%n",
                    floorResult.perSecond(), floorResult.percentile(50), floorResult.percentile(99));
            System.out.printf("  CPU per contract (load-independent): JVM %.1f ms, PostgreSQL %.1f ms, together %.1f ms "
                    + "(= %.1f contracts/s on 2 idle cores at most)%n", lifecycleJvmCpu / 1e6 / contracts,
                    lifecyclePgCpu / 1e6 / contracts, (lifecycleJvmCpu + lifecyclePgCpu) / 1e6 / contracts,
                    2e9 * contracts / (lifecycleJvmCpu + lifecyclePgCpu));
            System.out.println("  statements per contract by verb and table (one by one or batched), most first:");
            tallyAfter.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - tallyBefore.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> System.out.printf("    %6.2f %s%n", e.getValue() / (double) contracts, e.getKey()));
            System.out.printf("  per instance: %.1f statements + %.1f batches (%.1f rows), %.1f commits%n",
                    floorSql.statements() / (double) floorResult.count(), floorSql.batches() / (double) floorResult.count(),
                    floorSql.batchedRows() / (double) floorResult.count(), floorSql.commits() / (double) floorResult.count());
            System.out.printf("  CPU per instance: JVM %.2f ms, PostgreSQL %.2f ms%n",
                    floorJvmCpu / 1e6 / floorResult.count(), floorPgCpu / 1e6 / floorResult.count());
            System.out.printf("Ratio: one contract costs the CPU of %.1f trivial engine instances%n",
                    ((lifecycleJvmCpu + lifecyclePgCpu) / (double) contracts)
                            / ((floorJvmCpu + floorPgCpu) / (double) floorResult.count()));
            System.out.printf("Ratio: one contract's whole approval life costs as much as %.1f raw commits "
                    + "(baseline commits/s / contracts/s)%n", baseline.perSecond() / lifecycleResult.perSecond());
            System.out.printf("Ratio: the lifecycle runs at %.1f%% of the engine floor (contracts/s / trivial "
                    + "instances/s); one contract costs %.1f trivial instances%n",
                    100 * lifecycleResult.perSecond() / floorResult.perSecond(),
                    floorResult.perSecond() / lifecycleResult.perSecond());
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("Memory after the runs: heap used %d MiB after GC; this JVM's RSS %s (Maven, the app and "
                    + "the benchmark in one process; PostgreSQL is separate)%n",
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                    (Bench.residentSetKib(ProcessHandle.current().pid()) >> 10) + " MiB");
            System.out.println("Load after: " + Bench.uptime());
        }
    }


    /**
     * A contract's whole life to ACTIVE, each step timed: draft and submit (render, risk and routing rules), each
     * approval level (every task of it claimed and completed), the company's PAdES signature (the job the job executor
     * would run, executed here so that its cost is counted), and the owner uploading the counterparty's copy, which
     * makes the contract SIGNED and, starting today, ACTIVE.
     */
    private static final class Lifecycle {
        private final ContractService contracts;
        private final ContractRepository repository;
        private final TaskService tasks;
        private final ManagementService jobs;
        private final SigningService signing;
        private final Customer customer;
        private final LocalDate today;
        private final byte[] scannedCopy;
        private final Map<String, long[]> stepNanos = new ConcurrentSkipListMap<>();
        private final AtomicInteger stepCount = new AtomicInteger();

        Lifecycle(ConfigurableApplicationContext context) throws Exception {
            contracts = context.getBean(ContractService.class);
            repository = context.getBean(ContractRepository.class);
            tasks = context.getBean(TaskService.class);
            jobs = context.getBean(ManagementService.class);
            signing = context.getBean(SigningService.class);
            today = LocalDate.now(context.getBean(java.time.Clock.class));
            customer = context.getBean(CustomerService.class).register(new NewCustomer("基准测试客户有限公司",
                    CreditCodes.withCheckCharacter("91310000MA1BENCH7"), "基准", null, null,
                    null, "CNY", false));
            scannedCopy = blankPdf();
        }

        Result run(int count, int threads) throws Exception {
            stepNanos.clear();
            return measure(count, threads, () -> {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                        .authenticated("sales1", null, List.of(new SimpleGrantedAuthority("sales"))));
                return this::approveToActive;
            });
        }

        /**
         * Four contracts in five take one level (sales managers); one in five is 1,500,000 CNY and also needs legal
         * and finance countersigning in parallel. Liability is capped at the amount, as in a standard contract.
         */
        private void approveToActive(int i) {
            String amount = i % 5 == 0 ? "1500000" : "250000";
            long began = System.nanoTime();
            Contract draft = contracts.draft(new NewContract("sales-standard", customer.getId(), "基准合同 " + i,
                    ContractType.SALES, new BigDecimal(amount), "CNY", today, today.plusYears(1), 30, Map.of(),
                    new ContractTerms(new BigDecimal(amount), false, null, null), null, null),
                    "sales1", null).contract();
            Contract submitted = contracts.submit(draft, "sales1");
            began = step(i, "1 submit (draft, render, risk and routing)", began);
            String instance = submitted.getProcessInstanceId();
            List<Task> open;
            int level = 0;
            while (!(open = tasks.createTaskQuery().processInstanceId(instance).list()).isEmpty()) {
                level++;
                for (Task task : open) {
                    tasks.claim(task.getId(), approverFor(task));
                    tasks.complete(task.getId(), Map.of("decision", "approve"));
                }
                began = step(i, "2 approve level " + level + (open.size() > 1 ? " (" + open.size() + " in parallel)" : ""),
                        began);
            }
            requireStatus(submitted, ContractStatus.SIGNING);
            for (Job job : jobs.createJobQuery().processInstanceId(instance).executable().list()) {
                jobs.executeJob(job.getId());
            }
            began = step(i, "3 company signs (PAdES)", began);
            signing.acceptCounterSignature(submitted.getId(), scannedCopy);
            step(i, "4 counter-signed copy uploaded -> ACTIVE", began);
            requireStatus(submitted, ContractStatus.ACTIVE);
        }

        private void requireStatus(Contract contract, ContractStatus expected) {
            ContractStatus status = repository.findById(contract.getId()).orElseThrow().getStatus();
            if (status != expected) {
                throw new IllegalStateException(contract.getNumber() + " is " + status + ", expected " + expected);
            }
        }

        private long step(int contract, String name, long began) {
            long now = System.nanoTime();
            long[] latencies = stepNanos.computeIfAbsent(name, n -> new long[200_000]);
            synchronized (latencies) {
                int n = (int) latencies[0] + 1;
                latencies[0] = n;
                latencies[n] = now - began;
            }
            stepCount.incrementAndGet();
            return now;
        }

        void printSteps() {
            System.out.println("  per step (latency of each call, ms):");
            stepNanos.forEach((name, latencies) -> {
                int n = (int) latencies[0];
                long[] sorted = Arrays.copyOfRange(latencies, 1, n + 1);
                Arrays.sort(sorted);
                System.out.printf("    %-48s n=%5d  p50 %7.1f  p99 %7.1f%n", name, n, sorted[(n - 1) / 2] / 1e6,
                        sorted[Math.min(n - 1, (int) Math.ceil(0.99 * n) - 1)] / 1e6);
            });
        }

        private String approverFor(Task task) {
            String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId();
            return APPROVER_BY_GROUP.get(group);
        }

        /** What the owner uploads: a scan of the hand-sealed copy (a PDF without digital signatures). */
        private static byte[] blankPdf() throws Exception {
            try (PDDocument document = new PDDocument()) {
                document.addPage(new PDPage());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            }
        }
    }

    /**
     * The engine's own floor with Pactum's configuration: a trivial process (start, one user task offered to sales
     * managers, end), started, claimed and completed through the same engine API, history and database.
     */
    private static final class EngineFloor {
        private static final String KEY = "benchEngineFloor";
        private final RuntimeService runtime;
        private final TaskService tasks;

        EngineFloor(ConfigurableApplicationContext context) {
            runtime = context.getBean(RuntimeService.class);
            tasks = context.getBean(TaskService.class);
            BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("基准 Engine floor")
                    .camundaHistoryTimeToLive(1)
                    .startEvent("floorStarted").name("开始 Started")
                    .userTask("floorTask").name("任务 Task").camundaCandidateGroups("sales-managers")
                    .endEvent("floorEnded").name("结束 Ended").done();
            context.getBean(RepositoryService.class).createDeployment().name("bench-engine-floor")
                    .addModelInstance(KEY + ".bpmn", model).deploy();
        }

        Result run(int count, int threads) throws Exception {
            return measure(count, threads, () -> i -> {
                String instance = runtime.startProcessInstanceByKey(KEY).getId();
                Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
                tasks.claim(task.getId(), "manager1");
                tasks.complete(task.getId());
            });
        }
    }

    /**
     * Transactions the server has committed, all databases (the statistics reach the view within a second or so
     * of the commit, hence the wait).
     */
    private static long serverCommits(DataSource dataSource) throws Exception {
        Thread.sleep(1500);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select pg_stat_clear_snapshot()");
            try (var rows = statement.executeQuery("select sum(xact_commit) from pg_stat_database")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The port of the PostgreSQL server the pool connects to. */
    private static int port(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+)/").matcher(connection.getMetaData().getURL());
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }
    }

    private static Result rawCommits(DataSource dataSource, int count, int threads) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists bench_commit (id bigserial primary key, payload text)");
        }
        try {
            // One connection per thread, one small insert per transaction.
            return measure(count, threads, () -> {
                Connection connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                PreparedStatement insert = connection.prepareStatement("insert into bench_commit (payload) values (?)");
                return new Worker() {
                    @Override
                    public void run(int i) throws Exception {
                        insert.setString(1, "commit " + i);
                        insert.executeUpdate();
                        connection.commit();
                    }

                    @Override
                    public void close() throws Exception {
                        connection.close();
                    }
                };
            });
        } finally {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("drop table bench_commit");
            }
        }
    }

    /** Runs {@code count} operations on {@code threads} threads, each thread with its own worker, timing each one. */
    private static Result measure(int count, int threads, WorkerFactory workers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    try (Worker worker = workers.newWorker()) {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            long began = System.nanoTime();
                            worker.run(i);
                            latencies[i] = System.nanoTime() - began;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return new Result(count, System.nanoTime() - start, latencies);
        } finally {
            pool.shutdown();
        }
    }

    private interface Worker extends AutoCloseable {
        void run(int index) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    private interface WorkerFactory {
        Worker newWorker() throws Exception;
    }

    private record Result(int count, long elapsedNanos, long[] latencies) {
        double perSecond() {
            return count / (elapsedNanos / 1e9);
        }

        double percentile(int p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
        }
    }
}
