package dev.pactum.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pactum.PactumApplication;
import dev.pactum.bench.Bench;
import dev.pactum.bench.RandomFailures;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractStatusChanged;
import dev.pactum.contract.TestContracts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Receivables pushed to a flaky finance system through the real {@code contractIntegration} process and the engine's
 * job executor: runs started as {@link StartContractIntegration} starts them (a contract entering ACTIVE), finance
 * (WireMock) answering 503 to 30% of calls at random. The BPMN's retry waits (1, 2, 5, 15, 30 minutes) are cut short
 * by moving a failed job's due date to now, as if the minutes had passed; a push that fails 6 times in a row (0.3⁶ ≈
 * 0.07%) becomes an incident, which the benchmark retries as an operator would in Cockpit (counted). The peer counts
 * the calls it answered 2xx per {@code Idempotency-Key}: every receivable must be taken exactly once.
 * Run: {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=dev.pactum.integration.OutboundPushBenchmark}
 * (options: -Dbench.contracts=100 -Dbench.runsPerContract=10 -Dbench.failure=0.3 -Dbench.maxSeconds=480).
 */
public final class OutboundPushBenchmark {

    private OutboundPushBenchmark() {
    }


    public static void main(String[] args) throws Exception {
        int contracts = Integer.getInteger("bench.contracts", 100);
        int runsPerContract = Integer.getInteger("bench.runsPerContract", 10);
        double failure = Double.parseDouble(System.getProperty("bench.failure", "0.3"));
        long maxSeconds = Long.getLong("bench.maxSeconds", 480);
        int runs = contracts * runsPerContract;

        WireMockServer finance = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(40).disableRequestJournal().extensions(new RandomFailures(failure)));
        finance.start();
        List<String> takenKeys = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        finance.addMockServiceRequestListener((request, response) -> {
            calls.incrementAndGet();
            if (response.getStatus() / 100 == 2) {
                takenKeys.add(request.getHeader(PeerClient.IDEMPOTENCY_KEY));
            } else {
                refused.incrementAndGet();
            }
        });
        finance.stubFor(put(urlPathMatching("/finance/receivables/.*")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"taken\": true}")));

        SpringApplication app = new SpringApplication(PactumApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                // Each refused call is a failed job the engine logs with its stack trace; the figures say how many.
                "--logging.level.org.camunda.bpm.engine.context=OFF",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=OFF",
                "--pactum.integration.finance.enabled=true",
                "--pactum.integration.finance.url=http://127.0.0.1:" + finance.port() + "/finance",
                "--pactum.integration.finance.username=pactum", "--pactum.integration.finance.password=bench",
                "--pactum.integration.crm.enabled=false", "--pactum.integration.timeout=PT5S",
                "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.core-pool-size=8",
                "--camunda.bpm.job-execution.max-pool-size=8",
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=16",
                "--camunda.bpm.job-execution.wait-time-in-millis=100", "--camunda.bpm.job-execution.max-wait=500")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ManagementService management = context.getBean(ManagementService.class);
            IntegrationRuns integrationRuns = context.getBean(IntegrationRuns.class);
            TestContracts testContracts = context.getBean(TestContracts.class);
            List<Contract> drafts = new ArrayList<>();
            for (int i = 0; i < contracts; i++) {
                drafts.add(testContracts.draft("sales1", "1000.00"));
            }

            long started = System.nanoTime();
            for (int run = 0; run < runsPerContract; run++) {
                for (Contract contract : drafts) {
                    integrationRuns.start(new ContractStatusChanged(contract.getId(), contract.getNumber(),
                            ContractStatus.SIGNED, ContractStatus.ACTIVE, null));
                }
            }
            double startSeconds = (System.nanoTime() - started) / 1e9;
            AtomicLong waitsCut = new AtomicLong();
            AtomicLong retriedByHand = new AtomicLong();
            String pushed = "select count(*) from integration_run where finance_pushed_at is not null"
                    + " and contract_id in (" + drafts.stream().map(c -> c.getId().toString())
                    .collect(Collectors.joining(",")) + ")";
            long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
            while (jdbc.queryForObject(pushed, Integer.class) < runs && System.nanoTime() < deadline) {
                Date now = new Date();
                for (Job job : management.createJobQuery().processDefinitionKey(IntegrationProcess.KEY)
                        .withException().withRetriesLeft().duedateHigherThan(now).list()) {
                    try {
                        management.setJobDuedate(job.getId(), now);
                        waitsCut.incrementAndGet();
                    } catch (RuntimeException lockedMeanwhile) {
                        // The executor took it meanwhile: nothing to cut.
                    }
                }
                for (Job job : management.createJobQuery().processDefinitionKey(IntegrationProcess.KEY)
                        .noRetriesLeft().list()) {
                    management.setJobRetries(job.getId(), 1);
                    retriedByHand.incrementAndGet();
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            Map<String, Long> perKey = takenKeys.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            long once = perKey.values().stream().filter(count -> count == 1).count();
            long twice = perKey.values().stream().filter(count -> count > 1).count();
            int inDatabase = jdbc.queryForObject(pushed, Integer.class);
            System.out.printf("%n%d receivable pushes (%d contracts x %d runs of contractIntegration), finance failing"
                    + " %.0f%% at random, job executor 8 threads (%s)%n", runs, contracts, runsPerContract,
                    failure * 100, Bench.uptime());
            System.out.printf("runs started in %.1f s; all pushed after %.1f s: %.1f pushes/s%n", startSeconds,
                    seconds, runs / seconds);
            System.out.printf("calls to finance %d, %d answered 503; retry waits cut short %d; incidents retried by"
                    + " hand %d%n", calls.get(), refused.get(), waitsCut.get(), retriedByHand.get());
            System.out.printf("at finance: %d distinct idempotency keys taken, %d exactly once, %d more than once,"
                    + " %d never; runs recorded as pushed in integration_run: %d of %d%n", perKey.size(), once, twice,
                    runs - perKey.size(), inDatabase, runs);
        } finally {
            finance.stop();
        }
    }
}
