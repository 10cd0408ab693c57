package dev.pactum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged jar the way {@code mvn spring-boot:run} starts the app (dev profile, embedded PostgreSQL kept
 * in a data folder, demo data), twice on the same data: the second start must keep the data, load no demo data
 * again and deploy no new process version for an unchanged model.
 */
class PackagedApplicationIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void theJarRunsWithItsEmbeddedDatabaseAndKeepsItsDataBetweenRuns() throws Exception {
        int port = freePort();
        Path dataDir = work.resolve("data");

        long contractsAfterFirstRun;
        Process first = start(port, dataDir, work.resolve("first.log"));
        try {
            awaitUp(port, first, work.resolve("first.log"));
            assertThat(get(port, "/", null).body()).contains("Pactum");
            contractsAfterFirstRun = totalContracts(port);
            assertThat(contractsAfterFirstRun).isGreaterThanOrEqualTo(6);
            assertThat(processVersions(port)).containsExactly(1);
            assertThat(get(port, "/api/contracts", null).statusCode()).isEqualTo(401);
        } finally {
            stop(first);
        }

        Process second = start(port, dataDir, work.resolve("second.log"));
        try {
            awaitUp(port, second, work.resolve("second.log"));
            assertThat(totalContracts(port)).isEqualTo(contractsAfterFirstRun);
            assertThat(processVersions(port)).containsExactly(1);
        } finally {
            stop(second);
        }
    }

    private Process start(int port, Path dataDir, Path log) throws IOException {
        Path jar = Path.of("target", "pactum.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-jar", jar.toString(), "--spring.profiles.active=dev",
                "--server.port=" + port, "--pactum.embedded-database.data-dir=" + dataDir)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private void awaitUp(int port, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the app exited; its log:%n%s", Files.readString(log)).isTrue();
            try {
                if (get(port, "/", null).statusCode() == 200 && Files.readString(log).contains("Pactum is ready")) {
                    return;
                }
            } catch (ConnectException notYet) {
                // still starting
            }
            process.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("not up within " + STARTUP + "; log:\n" + Files.readString(log));
    }

    private long totalContracts(int port) throws Exception {
        HttpResponse<String> response = get(port, "/api/contracts", "manager1");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).at("/page/totalElements").asLong();
    }

    private List<Integer> processVersions(int port) throws Exception {
        HttpResponse<String> response = get(port, "/engine-rest/process-definition?key=contractLifecycle", "admin");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode definitions = json.readTree(response.body());
        return java.util.stream.StreamSupport.stream(definitions.spliterator(), false)
                .map(definition -> definition.get("version").asInt()).toList();
    }

    private HttpResponse<String> get(int port, String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
