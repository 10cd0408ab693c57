package dev.pactum.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumApplication;
import dev.pactum.bench.Bench;
import dev.pactum.contract.Contract;
import dev.pactum.contract.Customer;
import dev.pactum.contract.TestContracts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inbound event intake: 20 senders at once for 60 s, each posting signed events over HTTP as finance (payments for
 * contracts Pactum does not know: each starts a "match payment by hand" process), the CRM (a name change of the
 * sender's own customer) and the project system (a milestone accepted on a contract), 4 : 3 : 3, and one send in ten
 * on purpose a copy of one of its earlier events (same id and body, signed again). Then, from the database: every event
 * answered 200 is stored once and PROCESSED (none lost), every copy was answered {@code duplicate: true} and had no
 * effect: one payment match and one matching process per payment, each customer's name is the one of its sender's
 * last change, not of an older copy (none doubled).
 * Run: {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=dev.pactum.integration.InboundEventBenchmark}
 * (options: -Dbench.senders=20 -Dbench.seconds=60 -Dbench.copies=0.1).
 */
public final class InboundEventBenchmark {

    private static final Map<String, String> SECRETS = Map.of("finance", "bench-secret-finance",
            "crm", "bench-secret-crm", "pm", "bench-secret-pm");

    private InboundEventBenchmark() {
    }

    private record Sent(String peer, String eventId, String body) {
    }

    /** One sender's own record: its events, its customer's last name, latencies, answers out of place. */
    private static final class Sender {
        final List<Sent> sent = new ArrayList<>();
        final List<Long> nanos = new ArrayList<>();
        final List<String> acknowledged = new ArrayList<>();
        int copies;
        int failures;
        int copiesTakenAsNew;
        int newTakenAsCopies;
        String lastName;
    }

    public static void main(String[] args) throws Exception {
        int senders = Integer.getInteger("bench.senders", 20);
        int seconds = Integer.getInteger("bench.seconds", 60);
        double copyShare = Double.parseDouble(System.getProperty("bench.copies", "0.1"));
        SpringApplication app = new SpringApplication(PactumApplication.class);
        app.setAdditionalProfiles("test");
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN",
                "--server.tomcat.threads.max=" + Math.max(40, senders * 2),
                "--pactum.integration.finance.enabled=true",
                "--pactum.integration.finance.inbound-secret=" + SECRETS.get("finance"),
                "--pactum.integration.crm.enabled=true", "--pactum.integration.crm.inbound-secret=" + SECRETS.get("crm"),
                "--pactum.integration.pm.enabled=true", "--pactum.integration.pm.inbound-secret=" + SECRETS.get("pm"))) {
            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ObjectMapper json = context.getBean(ObjectMapper.class);
            Clock clock = context.getBean(Clock.class);
            TestContracts testContracts = context.getBean(TestContracts.class);
            Contract project = testContracts.draft("sales1", "1000.00");
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                customers.add(testContracts.customer("基准客户" + i + "号有限公司"));
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String run = Long.toString(System.currentTimeMillis(), 36);
            Timestamp benchStart = Timestamp.from(Instant.now());
            Sender[] records = new Sender[senders];
            Thread[] threads = new Thread[senders];
            long started = System.nanoTime();
            long deadline = started + seconds * 1_000_000_000L;
            for (int s = 0; s < senders; s++) {
                int index = s;
                Sender sender = records[s] = new Sender();
                threads[s] = new Thread(() -> {
                    int sequence = 0;
                    while (System.nanoTime() < deadline) {
                        boolean copy = !sender.sent.isEmpty() && ThreadLocalRandom.current().nextDouble() < copyShare;
                        Sent event = copy ? sender.sent.get(ThreadLocalRandom.current().nextInt(sender.sent.size()))
                                : next(run, index, sequence++, customers.get(index), project);
                        long before = System.nanoTime();
                        JsonNode answer;
                        try {
                            answer = send(http, json, clock, port, event);
                        } catch (Exception e) {
                            answer = null;
                        }
                        sender.nanos.add(System.nanoTime() - before);
                        if (answer == null) {
                            sender.failures++;
                            continue;
                        }
                        boolean duplicate = answer.path("duplicate").asBoolean();
                        if (copy) {
                            sender.copies++;
                            if (!duplicate) {
                                sender.copiesTakenAsNew++;
                            }
                        } else {
                            sender.sent.add(event);
                            sender.acknowledged.add(event.peer() + "/" + event.eventId());
                            if (duplicate) {
                                sender.newTakenAsCopies++;
                            }
                            if (event.peer().equals("crm")) {
                                sender.lastName = nameOf(event);
                            }
                        }
                    }
                }, "sender-" + s);
                threads[s].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double elapsed = (System.nanoTime() - started) / 1e9;

            long[] nanos = Arrays.stream(records).flatMap(r -> r.nanos.stream()).mapToLong(Long::longValue).sorted()
                    .toArray();
            int requests = nanos.length;
            int copies = Arrays.stream(records).mapToInt(r -> r.copies).sum();
            int failures = Arrays.stream(records).mapToInt(r -> r.failures).sum();
            int copiesTakenAsNew = Arrays.stream(records).mapToInt(r -> r.copiesTakenAsNew).sum();
            int newTakenAsCopies = Arrays.stream(records).mapToInt(r -> r.newTakenAsCopies).sum();
            List<String> acknowledged = Arrays.stream(records).flatMap(r -> r.acknowledged.stream()).toList();

            Map<String, String> stored = new HashMap<>();
            jdbc.query("select peer, event_id, status from integration_event where event_id like ?",
                    rs -> {
                        stored.merge(rs.getString(1) + "/" + rs.getString(2), rs.getString(3), (a, b) -> a + "+" + b);
                    }, "bench-" + run + "-%");
            long lost = acknowledged.stream().filter(id -> !"PROCESSED".equals(stored.get(id))).count();
            long storedTwice = stored.values().stream().filter(status -> status.contains("+")).count();
            long payments = acknowledged.stream().filter(id -> id.startsWith("finance/")).count();
            int matches = jdbc.queryForObject("select count(*) from payment_match where event_id like ?",
                    Integer.class, "bench-" + run + "-%");
            int matchingProcesses = jdbc.queryForObject("""
                    select count(*) from act_hi_procinst where proc_def_key_ = ? and start_time_ >= ?""",
                    Integer.class, PaymentMatchingProcess.KEY, benchStart);
            int namesBehind = 0;
            for (int s = 0; s < senders; s++) {
                String name = jdbc.queryForObject("select name from customer where id = ?", String.class,
                        customers.get(s).getId());
                if (records[s].lastName != null && !records[s].lastName.equals(name)) {
                    namesBehind++;
                }
            }
            long doubled = copiesTakenAsNew + storedTwice + Math.max(0, matches - payments)
                    + Math.max(0, matchingProcesses - matches) + namesBehind;
            long lostTotal = lost + newTakenAsCopies + Math.max(0, payments - matches);

            System.out.printf("%n%d senders for %.1f s posting signed finance / CRM / PM events, %.0f%% copies (%s)%n",
                    senders, elapsed, copyShare * 100, Bench.uptime());
            System.out.printf("requests %d (%d new events, %d copies), %d without an answer or not 200%n", requests,
                    acknowledged.size(), copies, failures);
            System.out.printf("throughput %.1f requests/s (%.1f new events/s); latency p50 %.1f ms, p99 %.1f ms,"
                    + " max %.1f ms%n", requests / elapsed, acknowledged.size() / elapsed, percentile(nanos, 0.50),
                    percentile(nanos, 0.99), nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6);
            System.out.printf("database: %d of %d acknowledged events stored and PROCESSED; payments %d, payment"
                    + " matches %d, matching processes %d; customers whose name is not their last change %d%n",
                    acknowledged.size() - lost, acknowledged.size(), payments, matches, matchingProcesses,
                    namesBehind);
            System.out.printf("LOST %d, DOUBLED %d (copies taken as new %d, new taken as copies %d)%n", lostTotal,
                    doubled, copiesTakenAsNew, newTakenAsCopies);
        }
    }

    private static Sent next(String run, int sender, int sequence, Customer customer, Contract project) {
        String eventId = "bench-" + run + "-" + sender + "-" + sequence;
        return switch (sequence % 10) {
            case 0, 3, 6, 9 -> new Sent("finance", eventId, """
                    {"type": "payment.received", "contractNumber": "HT-BENCH-%d-%d", "amount": "%d.%02d",
                     "paidOn": "%s", "reference": "BANK-%s"}""".formatted(sender, sequence, 100 + sequence, sender,
                    LocalDate.now(), eventId));
            case 1, 4, 7 -> new Sent("crm", eventId, """
                    {"type": "customer.updated", "creditCode": "%s", "name": "基准客户%d号有限公司 第%d版"}"""
                    .formatted(customer.getCreditCode(), sender, sequence));
            // Each acceptance names its own milestone: two events with the same body signed in the same second are
            // the same signed content, which Pactum takes as a replay under another id (answered as a duplicate).
            default -> new Sent("pm", eventId, """
                    {"type": "milestone.accepted", "contractNumber": "%s", "projectId": "PRJ-%d",
                     "milestoneId": "M-%d", "acceptedOn": "%s"}""".formatted(project.getNumber(), sender, sequence,
                    LocalDate.now()));
        };
    }

    private static String nameOf(Sent event) {
        int start = event.body().indexOf("\"name\": \"") + 9;
        return event.body().substring(start, event.body().indexOf('"', start));
    }

    /** @return the answer when it is 200, else null */
    private static JsonNode send(HttpClient http, ObjectMapper json, Clock clock, int port, Sent event)
            throws Exception {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        byte[] body = event.body().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/integrations/" + event.peer() + "/events"))
                .header("Content-Type", "application/json")
                .header("X-Pactum-Event-Id", event.eventId())
                .header("X-Pactum-Timestamp", timestamp)
                .header("X-Pactum-Signature", Signatures.sign(SECRETS.get(event.peer()), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    private static double percentile(long[] sorted, double share) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)] / 1e6;
    }
}
