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
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Contracts per second from submit to approved (SIGNING) through the real engine and database, against the raw commit
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
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                "--pactum.demo-data.enabled=true")) {
            Lifecycle lifecycle = new Lifecycle(context);
            lifecycle.run(Math.min(100, contracts), threads); // warm-up: JIT, connection pool, template cache
            Result lifecycleResult = lifecycle.run(contracts, threads);
            Result baseline = rawCommits(context.getBean(DataSource.class), contracts * 5, threads);
            EngineFloor floor = new EngineFloor(context);
            floor.run(Math.min(200, contracts), threads); // warm-up
            Result floorResult = floor.run(contracts * 2, threads);
            System.out.printf("%nLifecycle: %d contracts submit -> approved, %d threads%n", contracts, threads);
            System.out.printf("  throughput %.1f contracts/s, latency p50 %.1f ms, p99 %.1f ms%n",
                    lifecycleResult.perSecond(), lifecycleResult.percentile(50), lifecycleResult.percentile(99));
            System.out.printf("Baseline: %d single-insert JDBC commits on the same PostgreSQL, %d threads%n",
                    baseline.count(), threads);
            System.out.printf("  throughput %.1f commits/s, latency p50 %.2f ms, p99 %.2f ms%n",
                    baseline.perSecond(), baseline.percentile(50), baseline.percentile(99));
            System.out.printf("Engine floor: %d trivial instances (start -> one user task, claimed and completed -> "
                    + "end), same engine and configuration, %d threads%n", floorResult.count(), threads);
            System.out.printf("  throughput %.1f instances/s, latency p50 %.2f ms, p99 %.2f ms%n",
                    floorResult.perSecond(), floorResult.percentile(50), floorResult.percentile(99));
            System.out.printf("Ratio: one contract's whole approval life costs as much as %.1f raw commits "
                    + "(baseline commits/s / contracts/s)%n", baseline.perSecond() / lifecycleResult.perSecond());
            System.out.printf("Ratio: the lifecycle runs at %.1f%% of the engine floor (contracts/s / trivial "
                    + "instances/s); one contract costs %.1f trivial instances%n",
                    100 * lifecycleResult.perSecond() / floorResult.perSecond(),
                    floorResult.perSecond() / lifecycleResult.perSecond());
        }
    }

    private static final class Lifecycle {
        private final ContractService contracts;
        private final ContractRepository repository;
        private final TaskService tasks;
        private final Customer customer;

        Lifecycle(ConfigurableApplicationContext context) {
            contracts = context.getBean(ContractService.class);
            repository = context.getBean(ContractRepository.class);
            tasks = context.getBean(TaskService.class);
            customer = context.getBean(CustomerService.class).register(new NewCustomer("基准测试客户有限公司",
                    CreditCodes.withCheckCharacter("91310000MA1BENCH7"), "基准", null, null,
                    null, "CNY", false));
        }

        Result run(int count, int threads) throws Exception {
            return measure(count, threads, () -> this::approveToActive);
        }

        /**
         * Four contracts in five take one level (sales managers); one in five is 1,500,000 CNY and also needs legal
         * and finance countersigning in parallel. Liability is capped at the amount, as in a standard contract.
         */
        private void approveToActive(int i) {
            LocalDate start = LocalDate.of(2027, 1, 1);
            String amount = i % 5 == 0 ? "1500000" : "250000";
            Contract draft = contracts.draft(new NewContract("sales-standard", customer.getId(), "基准合同 " + i,
                    ContractType.SALES, new BigDecimal(amount), "CNY", start, start.plusYears(1), 30, Map.of(),
                    new ContractTerms(new BigDecimal(amount), false, null, null), null, null),
                    "sales1", null).contract();
            Contract submitted = contracts.submit(draft, "sales1");
            String instance = submitted.getProcessInstanceId();
            List<Task> open;
            while (!(open = tasks.createTaskQuery().processInstanceId(instance).list()).isEmpty()) {
                for (Task task : open) {
                    tasks.claim(task.getId(), approverFor(task));
                    tasks.complete(task.getId(), Map.of("decision", "approve"));
                }
            }
            ContractStatus status = repository.findById(submitted.getId()).orElseThrow().getStatus();
            if (status != ContractStatus.SIGNING) {
                throw new IllegalStateException(submitted.getNumber() + " ended " + status);
            }
        }

        private String approverFor(Task task) {
            String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId();
            return APPROVER_BY_GROUP.get(group);
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
