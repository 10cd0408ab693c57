package dev.pactum.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node whose database goes away stops being ready (503, so the load balancer sends no more requests) but stays
 * live (no restart: that would not bring the database back). Its own app with its own embedded PostgreSQL, which
 * the test stops as an outage would, and a running job executor whose acquisition then fails. An integration test
 * (failsafe, a JVM of its own): a second engine in the suite's JVM shares Camunda's static registry with the shared
 * context, and closing it once took the webapps' and the REST API's engine with it.
 */
class ReadinessWhenDatabaseDownIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void whenTheDatabaseStopsReadinessAnswers503AndLivenessStaysUp() throws Exception {
        SpringApplication app = new SpringApplication(PactumApplication.class);
        app.setAdditionalProfiles("test");
        // A name of its own: the suite's shared context already registered the engine "default" in this JVM.
        try (ConfigurableApplicationContext context = app.run("--server.port=0",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.generate-unique-process-application-name=true",
                "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.max-wait=1000",
                // A request for a connection gives up after 2 s instead of 30 s, so a probe answers in time.
                "--spring.datasource.hikari.connection-timeout=2000",
                "--pactum.monitoring.gauge-refresh=PT1H")) {
            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
            HealthEndpoint health = context.getBean(HealthEndpoint.class);
            eventually("ready at first", () -> health.healthForPath("readiness").getStatus().equals(Status.UP));
            assertThat(probe(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);

            stopPostgres(context.getBean(JdbcTemplate.class));

            eventually("readiness 503", () -> probe(port, "/actuator/health/readiness").statusCode() == 503);
            HttpResponse<String> readiness = probe(port, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(json.readTree(readiness.body())).as("no details for anonymous callers")
                    .isEqualTo(json.readTree("{\"status\":\"DOWN\"}"));
            assertThat(readiness.headers().firstValue("WWW-Authenticate")).isEmpty();
            HttpResponse<String> liveness = probe(port, "/actuator/health/liveness");
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(json.readTree(liveness.body()).get("status").asText()).isEqualTo("UP");

            assertThat(component(health, "db").getStatus()).isEqualTo(Status.DOWN);
            eventually("the job executor's acquisition failed",
                    () -> component(health, "jobExecutor").getStatus().equals(Status.DOWN));
            JsonNode executor = json.valueToTree(component(health, "jobExecutor"));
            assertThat(executor.at("/details/failedAcquisitions").asInt()).isPositive();
            assertThat(executor.at("/details/active").asBoolean()).as("it runs, and retries").isTrue();
        }
    }

    /** Stops the server as an outage would: a fast shutdown that ends every connection. */
    private static void stopPostgres(JdbcTemplate jdbc) throws Exception {
        Path data = Path.of(jdbc.queryForObject("show data_directory", String.class));
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        server.onExit().get(60, TimeUnit.SECONDS);
    }

    private static HealthComponent component(HealthEndpoint health, String name) {
        return ((CompositeHealth) health.healthForPath("readiness")).getComponents().get(name);
    }

    private HttpResponse<String> probe(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }



    private static void eventually(String what, java.util.concurrent.Callable<Boolean> condition) {
        await().alias(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(condition);
    }
}
