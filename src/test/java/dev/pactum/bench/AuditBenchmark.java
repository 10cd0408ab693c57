package dev.pactum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumApplication;
import dev.pactum.audit.AuditEntry;
import dev.pactum.audit.AuditTrail;
import dev.pactum.audit.ChainVerification;
import dev.pactum.contract.TestContracts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the audit trail costs. An audited request pays for one append (its own short transaction under the chain's
 * lock) after it is served; this measures that append on its own, an audited request end to end over HTTP, and
 * how many rows per second the chain takes from several threads at once.
 * Run: {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=dev.pactum.bench.AuditBenchmark}
 * (options: -Dbench.requests=1000 -Dbench.appends=2000 -Dbench.threads=4).
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bench.requests", 1000);
        int appends = Integer.getInteger("bench.appends", 2000);
        int threads = Integer.getInteger("bench.threads", 4);
        SpringApplication app = new SpringApplication(PactumApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                "--pactum.demo-data.enabled=true")) {
            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
            Http http = new Http(port, context.getBean(ObjectMapper.class));
            AuditTrail trail = context.getBean(AuditTrail.class);
            String path = "/api/contracts/" + http.draftContract();

            timeRequests(http, path, 300); // warm-up: JIT, pools, caches
            timeAppends(trail, 500);
            double[] request = timeRequests(http, path, requests);
            double[] append = timeAppends(trail, appends);
            double appendRate = concurrentAppends(trail, appends, threads);
            double requestRate = concurrentRequests(http, path, requests, threads);
            long started = System.nanoTime();
            ChainVerification verification = trail.verify();
            double verifySeconds = (System.nanoTime() - started) / 1e9;

            System.out.printf("%nAudited request GET %s over HTTP (HTTP Basic as sales1), one thread, %d requests%n",
                    path, requests);
            System.out.printf("  latency mean %.2f ms, p50 %.2f ms, p99 %.2f ms%n", mean(request),
                    percentile(request, 50), percentile(request, 99));
            System.out.printf("One audit append (what the request pays for its row), one thread, %d appends%n",
                    appends);
            System.out.printf("  latency mean %.2f ms, p50 %.2f ms, p99 %.2f ms%n", mean(append),
                    percentile(append, 50), percentile(append, 99));
            System.out.printf("  = %.0f%% of the audited request's p50 (%.0f%% of its mean)%n",
                    100 * percentile(append, 50) / percentile(request, 50), 100 * mean(append) / mean(request));
            System.out.printf("Appends from %d threads at once: %.0f rows/s%n", threads, appendRate);
            System.out.printf("Audited requests from %d threads at once: %.0f requests/s%n", threads, requestRate);
            System.out.printf("Verify: %d rows in %.2f s (%.0f rows/s), intact %s%n", verification.rowsChecked(),
                    verifySeconds, verification.rowsChecked() / verifySeconds, verification.intact());
        }
    }

    private static double[] timeRequests(Http http, String path, int count) throws Exception {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            http.get(path);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return millis;
    }

    private static double[] timeAppends(AuditTrail trail, int count) {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            trail.append(entry());
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return millis;
    }

    private static double concurrentAppends(AuditTrail trail, int count, int threads) throws Exception {
        return concurrently(count, threads, () -> trail.append(entry()));
    }

    private static double concurrentRequests(Http http, String path, int count, int threads) throws Exception {
        return concurrently(count, threads, () -> http.get(path));
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Runs {@code count} units of work spread over {@code threads} threads; returns units per second. */
    private static double concurrently(int count, int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < count / threads; i++) {
                    work.run();
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        return (count / threads * threads) / ((System.nanoTime() - started) / 1e9);
    }

    /** About the size of a contract view's row. */
    private static AuditEntry entry() {
        return new AuditEntry(Instant.now(), "sales1", "127.0.0.1", "CONTRACT_VIEW", "contract",
                Integer.toString(ThreadLocalRandom.current().nextInt(1, 100_000)), AuditEntry.Outcome.SUCCESS, 200,
                "GET", "/api/contracts/12", null, null, null, null);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static final class Http {
        private final HttpClient client = HttpClient.newHttpClient();
        private final int port;
        private final ObjectMapper json;
        private final String sales1 = "Basic " + Base64.getEncoder()
                .encodeToString("sales1:sales1".getBytes(StandardCharsets.UTF_8));

        Http(int port, ObjectMapper json) {
            this.port = port;
            this.json = json;
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> response = client.send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response;
        }

        JsonNode post(String path, String body) throws Exception {
            HttpResponse<String> response = client.send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        }

        long draftContract() throws Exception {
            String code = TestContracts.newCreditCode();
            long customer = post("/api/customers", """
                    {"name":"审计基准客户有限公司","creditCode":"%s","contactName":"钱七",
                     "contactEmail":"qian@example.com"}""".formatted(code)).get("id").asLong();
            return post("/api/contracts", """
                    {"templateKey":"sales-standard","customerId":%d,"title":"审计基准合同","type":"SALES",
                     "amount":120000,"currency":"CNY","startDate":"2027-01-01","endDate":"2027-12-31",
                     "paymentTermDays":30,"terms":{"liabilityCap":120000,"autoRenewal":false}}"""
                    .formatted(customer)).get("id").asLong();
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", sales1);
        }
    }
}
