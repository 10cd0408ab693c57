package dev.pactum.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may reach what under /actuator, over real HTTP: probes without credentials get the status and nothing else (no
 * login page, no Basic challenge); details and metrics are for admins, and Prometheus scrapes with a token of scope
 * {@code metrics} that opens nothing else.
 */
@PactumTest
class OperationsEndpointsTest {

    @Autowired
    ApiClient api;
    @Autowired
    ObjectMapper json;

    @Test
    void anonymousProbesGetTheStatusOnly() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness"}) {
            HttpResponse<String> answer = anonymous(path);

            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            JsonNode body = json.readTree(answer.body());
            assertThat(body.get("status").asText()).as(path).isEqualTo("UP");
            assertThat(body.has("components")).as(path).isFalse();
            assertThat(body.has("details")).as(path).isFalse();
            if (!path.equals("/actuator/health")) {
                assertThat(body).as(path).isEqualTo(json.readTree("{\"status\":\"UP\"}"));
            }
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
            assertThat(answer.headers().firstValue("Location")).as(path).isEmpty();
            assertThat(answer.headers().allValues("Set-Cookie")).as("no session for a probe").isEmpty();
        }
        HttpResponse<String> info = anonymous("/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
    }

    @Test
    void adminsSeeWhatReadinessChecks() throws Exception {
        JsonNode readiness = api.send("admin", "GET", "/actuator/health/readiness", null, null).body();
        JsonNode liveness = api.send("admin", "GET", "/actuator/health/liveness", null, null).body();

        assertThat(readiness.get("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("readinessState", "db", "jobExecutor", "rules");
        assertThat(readiness.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
        // The tests run jobs themselves: this node is configured without a job executor, which is no reason to refuse traffic.
        assertThat(readiness.at("/components/jobExecutor/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components/jobExecutor/details/jobExecution").asText())
                .isEqualTo("disabled on this node");
        assertThat(readiness.at("/components/rules/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components/rules/details/version").asText()).hasSize(64);
        assertThat(liveness.get("components").fieldNames()).toIterable().containsExactly("livenessState");
    }

    @Test
    void metricsAndOtherEndpointsNeedAnAdmin() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.threads.live"}) {
            HttpResponse<String> anonymous = anonymous(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(anonymous.headers().firstValue("Location")).as(path).isEmpty();
            assertThat(api.send("sales1", "GET", path, null, null).status()).as(path).isEqualTo(403);
            assertThat(api.send("auditor1", "GET", path, null, null).status()).as(path).isEqualTo(403);
        }
        assertThat(api.send("admin", "GET", "/actuator/metrics", null, null).body().get("names"))
                .isNotEmpty();
        HttpResponse<String> scrape = api.send(api.request("admin", "GET", "/actuator/prometheus", null, null),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(Scrape.parse(scrape.body()).has("jvm_memory_used_bytes")).isTrue();
    }

    @Test
    void aMetricsTokenScrapesAndOpensNothingElse() throws Exception {
        // Even an account in camunda-admin: the token's scope decides what it opens.
        long account = serviceAccount("[\"camunda-admin\"]");
        String metrics = token(account, "[\"metrics\"]");
        String reader = token(account, "[\"read\"]");

        HttpResponse<String> scrape = bearer(metrics, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(Scrape.parse(scrape.body()).has("pactum_jobs_executable")).isTrue();
        assertThat(bearer(metrics, "/actuator/metrics").statusCode()).isEqualTo(403);
        assertThat(bearer(metrics, "/api/contracts").statusCode()).isEqualTo(403);
        assertThat(bearer(metrics, "/engine-rest/task").statusCode()).isEqualTo(403);
        assertThat(bearer(reader, "/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(bearer("pct_unknown", "/actuator/prometheus").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> anonymous(String path) throws Exception {
        return api.send(HttpRequest.newBuilder(api.uri(path)).GET(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> bearer(String token, String path) throws Exception {
        return api.send(HttpRequest.newBuilder(api.uri(path)).GET().header("Authorization", "Bearer " + token),
                HttpResponse.BodyHandlers.ofString());
    }

    private long serviceAccount(String groups) throws Exception {
        String name = "svc-prometheus-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        ApiClient.Response created = api.send("admin", "POST", "/api/admin/service-accounts",
                "{\"name\": \"%s\", \"description\": \"Prometheus\", \"groups\": %s}".formatted(name, groups), null);
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private String token(long account, String scopes) throws Exception {
        ApiClient.Response issued = api.send("admin", "POST", "/api/admin/service-accounts/" + account + "/tokens",
                "{\"name\": \"scrape\", \"scopes\": %s, \"validDays\": 30}".formatted(scopes), null);
        assertThat(issued.status()).as("%s", issued.body()).isEqualTo(201);
        return issued.body().get("secret").asText();
    }
}
