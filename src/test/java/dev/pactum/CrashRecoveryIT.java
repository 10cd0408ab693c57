package dev.pactum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pactum.contract.TestContracts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar run the way {@code mvn spring-boot:run} runs it (dev profile, embedded PostgreSQL kept in a data
 * folder), killed the way a crash, an OOM kill or a closed IDE kills it: contracts are drafted, submitted and partly
 * approved over the REST API, then the JVM gets SIGKILL. Its PostgreSQL must end within seconds, and the next start
 * must find every contract, approval and open task where it was. Then the JVM is killed together with the watchdog
 * that stops its server, as a kill of its whole process tree would: the next start stops the server left running,
 * says so in one log line, and again finds everything where it was.
 */
class CrashRecoveryIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration SERVER_ENDS = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path work;

    private final int port = freePort();
    private Process app;

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKilledAppTakesItsDatabaseAlongAndTheNextStartFindsEveryContractWhereItWas() throws Exception {
        Path data = work.resolve("data");
        app = start(data, "first.log");

        long customer = customer();
        long draft = draft(customer, "80000.00", 30);
        long waiting = submit(draft(customer, "300000.00", 30));
        long midApproval = submit(draft(customer, "1200000.00", 120));
        decide(midApproval, "manager1");
        decide(midApproval, "legal1");
        List<Long> contracts = List.of(draft, waiting, midApproval);
        JsonNode before = snapshot(contracts);
        assertThat(before.at("/contract-" + draft + "/status").asText()).isEqualTo("DRAFT");
        assertThat(before.at("/contract-" + waiting + "/status").asText()).isEqualTo("IN_APPROVAL");
        JsonNode levels = before.at("/approvals-" + midApproval + "/rounds/0/levels");
        assertThat(levels.at("/0/state").asText()).isEqualTo("APPROVED");
        assertThat(levels.at("/1/mode").asText()).as("会签: legal and finance both decide").isEqualTo("ALL");
        assertThat(levels.at("/1/decisions")).hasSize(1);
        assertThat(levels.at("/1/openTasks")).hasSize(1);

        Instant killed = killJvm();
        await().atMost(SERVER_ENDS).pollInterval(Duration.ofMillis(50)).until(() -> serverProcessesOf(data).isEmpty());
        Duration serverEnded = Duration.between(killed, Instant.now());

        Instant restarted = Instant.now();
        app = start(data, "second.log");
        Duration restart = Duration.between(restarted, Instant.now());
        assertThat(snapshot(contracts)).isEqualTo(before);

        long secondServer = postmasterPid(data);
        killWatchdogsThenJvm();
        assertThat(serverProcessesOf(data)).as("the server outlives an app killed with its watchdog")
                .extracting(ProcessHandle::pid).contains(secondServer);

        app = start(data, "third.log");
        List<String> log = Files.readAllLines(work.resolve("third.log"));
        assertThat(log).filteredOn(line -> line.contains("that an earlier run left running"))
                .singleElement().asString().contains("pid " + secondServer, data.toRealPath().toString());
        assertThat(log).noneMatch(line -> line.contains("Exception"));
        assertThat(serverProcessesOf(data)).extracting(ProcessHandle::pid).doesNotContain(secondServer);
        assertThat(snapshot(contracts)).isEqualTo(before);

        app.destroy();
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(serverProcessesOf(data)).as("an orderly stop stops the server").isEmpty();
        System.out.printf("CrashRecoveryIT: PostgreSQL ended %d ms after kill -9 of its JVM; restart to ready %d ms%n",
                serverEnded.toMillis(), restart.toMillis());
    }

    /** SIGKILL to the JVM itself (it was started without a wrapper), as the OOM killer or {@code kill -9} sends it. */
    private Instant killJvm() throws InterruptedException {
        assertThat(app.info().command()).hasValueSatisfying(command -> assertThat(command).endsWith("/bin/java"));
        app.destroyForcibly();
        Instant killed = Instant.now();
        assertThat(app.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return killed;
    }

    private void killWatchdogsThenJvm() throws Exception {
        for (ProcessHandle child : app.children().toList()) {
            child.destroyForcibly();
            child.onExit().get(10, TimeUnit.SECONDS);
        }
        killJvm();
    }

    /** The contracts' details and approvals, every contract's status and every open task, as the API shows them. */
    private JsonNode snapshot(List<Long> contracts) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/engine-rest/job/count?executable=true", "admin")
                .get("count").asInt() == 0);
        ObjectNode snapshot = json.createObjectNode();
        snapshot.set("all", get("/api/contracts?size=1000&sort=number", "manager1").get("content"));
        for (long id : contracts) {
            snapshot.set("contract-" + id, get("/api/contracts/" + id, "sales1"));
            snapshot.set("approvals-" + id, get("/api/contracts/" + id + "/approvals", "sales1"));
        }
        snapshot.set("tasks", get("/engine-rest/task?sortBy=id&sortOrder=asc", "admin"));
        return snapshot;
    }

    private long customer() throws Exception {
        return send("POST", "/api/customers", """
                {"name":"断电测试客户有限公司","creditCode":"%s","contactName":"赵六","contactEmail":"zhao@example.com"}""".formatted(TestContracts.newCreditCode()), "sales1", 201).get("id").asLong();
    }

    private long draft(long customer, String amount, int paymentTermDays) throws Exception {
        return send("POST", "/api/contracts", """
                {"templateKey":"sales-standard","customerId":%d,"title":"工业机器人销售合同","type":"SALES",
                 "amount":%s,"currency":"CNY","startDate":"2027-01-01","endDate":"2027-12-31",
                 "paymentTermDays":%d,"fields":{"交货地点":"上海"}}""".formatted(customer, amount, paymentTermDays),
                "sales1", 201).get("id").asLong();
    }

    private long submit(long contract) throws Exception {
        send("POST", "/api/contracts/" + contract + "/submit", null, "sales1", 200);
        return contract;
    }

    /** The approver claims their open task of the contract in Tasklist's API and approves. */
    private void decide(long contract, String approver) throws Exception {
        String number = get("/api/contracts/" + contract, "sales1").get("number").asText();
        JsonNode tasks = get("/engine-rest/task?processInstanceBusinessKey=" + number + "&candidateUser=" + approver,
                approver);
        assertThat(tasks).hasSize(1);
        String task = tasks.get(0).get("id").asText();
        send("POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + approver + "\"}", approver, 204);
        send("POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}", approver, 204);
    }

    /**
     * PostgreSQL processes work in their data folder; anything still working in this one is its server. (A process
     * that ended but is not yet reaped keeps its pid, not its folder.)
     */
    private static List<ProcessHandle> serverProcessesOf(Path data) {
        return ProcessHandle.allProcesses().filter(process -> {
            try {
                return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), data);
            } catch (IOException goneOrNotOurs) {
                return false;
            }
        }).toList();
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    }

    private Process start(Path data, String logName) throws Exception {
        Path jar = Path.of("target", "pactum.jar");
        assertThat(jar).exists();
        Path log = work.resolve(logName);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--spring.profiles.active=dev",
                "--server.port=" + port, "--pactum.embedded-database.data-dir=" + data)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the app exited; its log:%n%s", Files.readString(log)).isTrue();
            try {
                if (request("GET", "/", null, null).statusCode() == 200
                        && Files.readString(log).contains("Pactum is ready")) {
                    return process;
                }
            } catch (ConnectException notYet) {
                // still starting
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("not up within " + STARTUP + "; log:\n" + Files.readString(log));
    }

    private JsonNode get(String path, String user) throws Exception {
        return send("GET", path, null, user, 200);
    }

    private JsonNode send(String method, String path, String body, String user, int expectedStatus) throws Exception {
        HttpResponse<String> response = request(method, path, body, user);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? null : json.readTree(response.body());
    }

    private HttpResponse<String> request(String method, String path, String body, String user)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
