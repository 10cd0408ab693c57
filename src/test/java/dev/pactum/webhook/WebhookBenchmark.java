package dev.pactum.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pactum.PactumApplication;
import dev.pactum.bench.Bench;
import dev.pactum.bench.RandomFailures;
import dev.pactum.contract.TestContracts;
import dev.pactum.document.DocumentCipher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks under a flaky receiver: N events to one subscriber (WireMock) that answers 503 to 30% of calls at random,
 * sent by two dispatchers at once (two nodes on one database), retries after 0.2 s doubling up to 2 s. Checks at the
 * receiver that every event was taken (2xx) exactly once, and prints throughput and attempts.
 * Run: {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=dev.pactum.webhook.WebhookBenchmark}
 * (options: -Dbench.events=1000 -Dbench.failure=0.3 -Dbench.nodes=2).
 */
public final class WebhookBenchmark {

    private WebhookBenchmark() {
    }


    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 1000);
        double failure = Double.parseDouble(System.getProperty("bench.failure", "0.3"));
        int nodes = Integer.getInteger("bench.nodes", 2);
        WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(40).disableRequestJournal().extensions(new RandomFailures(failure)));
        receiver.start();
        receiver.resetAll();
        List<String> takenIds = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        receiver.addMockServiceRequestListener((request, response) -> {
            statuses.add(response.getStatus());
            if (response.getStatus() / 100 == 2) {
                takenIds.add(request.getHeader("X-Pactum-Event-Id"));
            }
        });
        receiver.stubFor(post(urlPathEqualTo("/hook")).willReturn(ok()));

        SpringApplication app = new SpringApplication(PactumApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                "--pactum.demo-data.enabled=true", "--pactum.webhooks.first-retry=PT0.2S",
                "--pactum.webhooks.max-retry-delay=PT2S", "--pactum.webhooks.max-attempts=30",
                "--pactum.webhooks.batch-size=50", "--pactum.webhooks.concurrency=8")) {
            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/admin/webhooks"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"http://127.0.0.1:" + receiver.port()
                            + "/hook\", \"events\": [\"contract.created\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("subscribing failed: " + created.body());
            }
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
            WebhookOutbox outbox = context.getBean(WebhookOutbox.class);
            long contract = context.getBean(TestContracts.class).draft("sales1", "1000.00").getId();
            jdbc.update("delete from webhook_delivery");
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < events; i++) {
                    outbox.record(WebhookEventType.CONTRACT_CREATED, contract, Map.of("n", i), null);
                }
            });

            List<WebhookDispatcher> dispatchers = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                dispatchers.add(new WebhookDispatcher(jdbc, transactions, context.getBean(DocumentCipher.class),
                        context.getBean(WebhookProperties.class), context.getBean(Clock.class)));
            }
            long started = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (WebhookDispatcher dispatcher : dispatchers) {
                threads.add(new Thread(() -> {
                    while (jdbc.queryForObject("select count(*) from webhook_delivery where status = 'PENDING'",
                            Integer.class) > 0) {
                        if (dispatcher.dispatchDue() == 0) {
                            sleep(50);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            dispatchers.forEach(WebhookDispatcher::destroy);

            Map<String, Long> perEvent = takenIds.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            long once = perEvent.values().stream().filter(count -> count == 1).count();
            long duplicated = perEvent.values().stream().filter(count -> count > 1).count();
            long failedCalls = statuses.stream().filter(status -> status == 503).count();
            Map<String, Object> db = jdbc.queryForMap("""
                    select count(*) filter (where status = 'DELIVERED') delivered,
                           count(*) filter (where status = 'FAILED') failed, sum(attempts) attempts,
                           max(attempts) most from webhook_delivery""");
            System.out.printf("%n%d events to 1 subscriber, %d dispatchers, receiver failing %.0f%% at random (%s)%n",
                    events, nodes, failure * 100, Bench.uptime());
            System.out.printf("delivered %s, failed %s; calls %d (%d answered 503), attempts logged %s, most attempts"
                    + " for one event %s%n", db.get("delivered"), db.get("failed"), statuses.size(), failedCalls,
                    db.get("attempts"), db.get("most"));
            System.out.printf("at the receiver: %d distinct events taken, %d exactly once, %d more than once, %d never%n",
                    perEvent.size(), once, duplicated, events - perEvent.size());
            System.out.printf("%.1f s, %.1f events delivered/s, %.1f calls/s%n", seconds, events / seconds,
                    statuses.size() / seconds);
        } finally {
            receiver.stop();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
