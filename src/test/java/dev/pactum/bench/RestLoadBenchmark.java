package dev.pactum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumApplication;
import dev.pactum.contract.CreditCodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The REST API under load: 50 virtual users for 60 s on loopback, each looping over a mix of what people and machines
 * do — list contracts (40%), read one (20%), download its PDF (10%), draft and submit one (15%), and approve a
 * submitted one through {@code /engine-rest} as the sales manager does in Tasklist (15%: find the task, claim,
 * complete) — with HTTP Basic (the verified-credentials cache spares bcrypt on each call, as for any API client).
 * Every call's latency goes into an HdrHistogram per action; an error is any unexpected status or exception. The
 * baseline, measured in the same run by the same users and client: the anonymous liveness probe, i.e. what the HTTP
 * stack, security filters and audit cost without any work behind them.
 * The mix runs twice: first as a closed loop without think time (each user sends its next action as soon as the last
 * one is answered, which finds the throughput and saturates both cores), then at a person's pace, each user pausing
 * a random 0 to 2 × {@code bench.thinkMillis} between actions (mean 3 s), which shows the latency people get at that
 * many concurrent users rather than at the machine's limit.
 * Run: {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=dev.pactum.bench.RestLoadBenchmark}
 * (options: -Dbench.users=50 -Dbench.seconds=60 -Dbench.baselineSeconds=15 -Dbench.seed=100
 * -Dbench.thinkMillis=3000; 0 skips the paced run).
 */
public final class RestLoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final LocalDate today;
    private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<String> errorSamples = new CopyOnWriteArrayList<>();
    private final List<Long> contractIds = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<String> awaitingApproval = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drafted = new AtomicInteger();
    private long customerId;

    private RestLoadBenchmark(String base, LocalDate today) {
        this.base = base;
        this.today = today;
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.getInteger("bench.users", 50);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int baselineSeconds = Integer.getInteger("bench.baselineSeconds", 15);
        int seed = Integer.getInteger("bench.seed", 100);
        int thinkMillis = Integer.getInteger("bench.thinkMillis", 3000);
        SpringApplication app = new SpringApplication(PactumApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                "--pactum.demo-data.enabled=true", "--server.tomcat.threads.max=200")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            RestLoadBenchmark bench = new RestLoadBenchmark("http://127.0.0.1:" + port,
                    LocalDate.now(context.getBean(Clock.class)));
            bench.prepare(seed);
            System.out.println("Load before: " + Bench.uptime());
            bench.run(users, 10, true, 0); // warm-up: JIT, pools, caches
            bench.reset();
            Totals baseline = bench.run(users, baselineSeconds, false, 0);
            bench.print("Baseline: GET /actuator/health/liveness (anonymous), " + users + " users, " + baselineSeconds
                    + " s", baseline);
            bench.reset();
            Totals mixed = bench.run(users, seconds, true, 0);
            System.out.println("Load after: " + Bench.uptime());
            bench.print("Mixed REST load, " + users + " users, " + seconds + " s, no think time", mixed);
            System.out.printf("Ratio: the mixed load runs at %.1f%% of the baseline's requests/s; its p99 is %.1fx the "
                    + "baseline's%n", 100 * mixed.perSecond() / baseline.perSecond(), mixed.p99Ms() / baseline.p99Ms());
            if (thinkMillis > 0) {
                bench.reset();
                Totals paced = bench.run(users, seconds, true, thinkMillis);
                System.out.println("Load after: " + Bench.uptime());
                bench.print("Mixed REST load, " + users + " users, " + seconds + " s, think time 0-" + 2 * thinkMillis
                        + " ms (mean " + thinkMillis + " ms)", paced);
                System.out.printf("Ratio: paced, the mix runs at %.1f%% of the closed loop's requests/s; its p99 is "
                        + "%.1fx the baseline's%n", 100 * paced.perSecond() / mixed.perSecond(),
                        paced.p99Ms() / baseline.p99Ms());
            }
        }
    }

    /** A customer and {@code count} submitted contracts, so that reads, downloads and approvals have something. */
    private void prepare(int count) throws Exception {
        JsonNode customer = call("prepare", "POST", "/api/customers", """
                {"name":"压测客户有限公司","creditCode":"%s","contactName":"钱七","contactEmail":"qian@example.com"}"""
                .formatted(CreditCodes.withCheckCharacter("91310000MA1LUAD00")), "sales1", 201);
        if (customer == null) {
            throw new IllegalStateException("cannot register the customer: " + errorSamples);
        }
        customerId = customer.get("id").asLong();
        for (int i = 0; i < count; i++) {
            draftAndSubmit("prepare");
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("preparing failed: " + errorSamples);
        }
    }

    /** Every user loops until the time is up, pausing a random 0 to 2 × {@code thinkMillis} between actions. */
    private Totals run(int users, int seconds, boolean mixed, int thinkMillis) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong requests = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long began = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                futures.add(pool.submit(() -> {
                    if (thinkMillis > 0) { // users arrive spread over one think time, not all at once
                        Thread.sleep(ThreadLocalRandom.current().nextLong(thinkMillis));
                    }
                    while (System.nanoTime() < end) {
                        requests.addAndGet(mixed ? mixedAction() : baselineAction());
                        if (thinkMillis > 0) {
                            Thread.sleep(Math.min(ThreadLocalRandom.current().nextLong(2L * thinkMillis),
                                    Math.max(0, (end - System.nanoTime()) / 1_000_000)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return totals(requests.get(), System.nanoTime() - began);
    }

    private int baselineAction() {
        call("liveness", "GET", "/actuator/health/liveness", null, null, 200);
        return 1;
    }

    /** One user action; returns how many HTTP requests it made. */
    private int mixedAction() {
        double pick = ThreadLocalRandom.current().nextDouble();
        if (pick < 0.40) {
            int page = ThreadLocalRandom.current().nextInt(5);
            call("list", "GET", "/api/contracts?page=" + page + "&size=20&sort=createdAt,desc",
                    null, ThreadLocalRandom.current().nextBoolean() ? "sales1" : "manager1", 200);
            return 1;
        }
        if (pick < 0.60) {
            call("detail", "GET", "/api/contracts/" + anyContract(), null, "manager1", 200);
            return 1;
        }
        if (pick < 0.70) {
            call("document", "GET", "/api/contracts/" + anyContract() + "/document", null, "manager1", 200);
            return 1;
        }
        if (pick < 0.85) {
            draftAndSubmit(null);
            return 2;
        }
        String number = awaitingApproval.poll();
        if (number == null) {
            call("list", "GET", "/api/contracts?size=20", null, "manager1", 200);
            return 1;
        }
        JsonNode tasks = call("approve: find task", "GET", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&candidateUser=manager1", null, "manager1", 200);
        if (tasks == null || tasks.size() != 1) {
            error("approve: find task", number + " has " + (tasks == null ? "?" : tasks.size()) + " open tasks");
            return 1;
        }
        String task = tasks.get(0).get("id").asText();
        call("approve: claim", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"manager1\"}",
                "manager1", 204);
        call("approve: complete", "POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}", "manager1", 204);
        return 3;
    }

    private void draftAndSubmit(String action) {
        int n = drafted.incrementAndGet();
        JsonNode created = call(action == null ? "draft" : action, "POST", "/api/contracts", """
                {"templateKey":"sales-standard","customerId":%d,"title":"压测合同 %d","type":"SALES",
                 "amount":250000,"currency":"CNY","startDate":"%s","endDate":"%s","paymentTermDays":30,
                 "fields":{"交货地点":"上海"}}""".formatted(customerId, n, today.plusDays(30), today.plusDays(395)),
                "sales1", 201);
        if (created == null) {
            return;
        }
        long id = created.get("id").asLong();
        JsonNode submitted = call(action == null ? "submit" : action, "POST", "/api/contracts/" + id + "/submit",
                null, "sales1", 200);
        if (submitted != null) {
            contractIds.add(id);
            awaitingApproval.add(submitted.get("number").asText());
        }
    }

    private long anyContract() {
        return contractIds.get(ThreadLocalRandom.current().nextInt(contractIds.size()));
    }

    /** One timed call; null (and an error counted) when the status is not the expected one. */
    private JsonNode call(String action, String method, String path, String body, String user, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        long began = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            recorders.computeIfAbsent(action, a -> new Recorder(3)).recordValue((System.nanoTime() - began) / 1000);
            if (response.statusCode() != expected) {
                error(action, method + " " + path + " -> " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
                return null;
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            return type.contains("json") && response.body().length > 0 ? JSON.readTree(response.body()) : null;
        } catch (Exception e) {
            recorders.computeIfAbsent(action, a -> new Recorder(3)).recordValue((System.nanoTime() - began) / 1000);
            error(action, method + " " + path + " -> " + e);
            return null;
        }
    }

    private void error(String action, String what) {
        errors.computeIfAbsent(action, a -> new AtomicLong()).incrementAndGet();
        if (errorSamples.size() < 10) {
            errorSamples.add(what);
        }
    }

    private void reset() {
        recorders.values().forEach(Recorder::reset);
        errors.clear();
        errorSamples.clear();
    }

    private Totals totals(long requests, long elapsedNanos) {
        Histogram all = new Histogram(3);
        Map<String, Histogram> byAction = new java.util.TreeMap<>();
        recorders.forEach((action, recorder) -> {
            Histogram h = recorder.getIntervalHistogram();
            if (h.getTotalCount() > 0 && !action.equals("prepare")) {
                byAction.put(action, h);
                all.add(h);
            }
        });
        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
        return new Totals(requests, elapsedNanos, all, byAction, errorCount, List.copyOf(errorSamples));
    }

    private void print(String title, Totals totals) {
        System.out.printf("%n%s%n", title);
        System.out.printf("  %,d requests in %.1f s: %.1f requests/s; p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d errors%n",
                totals.requests(), totals.elapsedNanos() / 1e9, totals.perSecond(),
                totals.all().getValueAtPercentile(50) / 1000.0, totals.p99Ms(), totals.all().getMaxValue() / 1000.0,
                totals.errors());
        totals.byAction().forEach((action, h) -> System.out.printf("    %-20s n=%,7d  p50 %7.1f  p99 %7.1f  max %7.1f ms%s%n",
                action, h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0, errors.containsKey(action) ? "  errors " + errors.get(action) : ""));
        totals.errorSamples().forEach(sample -> System.out.println("    error: " + sample));
    }

    private record Totals(long requests, long elapsedNanos, Histogram all, Map<String, Histogram> byAction,
                          long errors, List<String> errorSamples) {
        double perSecond() {
            return requests / (elapsedNanos / 1e9);
        }

        double p99Ms() {
            return all.getValueAtPercentile(99) / 1000.0;
        }
    }
}
