package dev.pactum.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.contract.TestContracts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Machines authenticate with service accounts' API tokens over real HTTP: scoped, expiring, revocable, hashed. */
@PactumTest
class ServiceAccountsTest {

    @Autowired ApiClient api;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aTokenActsAsItsServiceAccountWithinItsScopesAndRecordsItsLastUse() throws Exception {
        long account = account("finance");
        String reader = issue(account, "[\"read\"]", 30);
        String writer = issue(account, "[\"read\", \"write\"]", 30);

        Answer contracts = bearer(reader, "GET", "/api/contracts", null);
        assertThat(contracts.status()).isEqualTo(200);
        assertThat(contracts.body().get("content")).isNotNull();

        String customer = """
                {"name": "机器登记客户有限公司", "creditCode": "%s"}""".formatted(TestContracts.newCreditCode());
        Answer refused = bearer(reader, "POST", "/api/customers", customer);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("type").asText()).isEqualTo("https://pactum.dev/problems/forbidden");
        assertThat(bearer(writer, "POST", "/api/customers", customer).status()).isEqualTo(201);
        assertThat(bearer(reader, "GET", "/engine-rest/process-definition", null).status())
                .as("the engine REST API needs the engine scope").isEqualTo(403);

        JsonNode tokens = api.send("admin", "GET", "/api/admin/service-accounts/" + account + "/tokens", null, null)
                .body();
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(0).get("lastUsedAt")).isNotNull();
        assertThat(tokens.get(0).get("prefix").asText()).startsWith("pct_");
        assertThat(tokens.toString()).doesNotContain(reader).doesNotContain(writer);
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_sha256 = ?", Integer.class,
                Signatures.sha256Hex(reader))).as("kept as its hash").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from api_token t where t::text like ?", Integer.class,
                "%" + reader.substring(12) + "%")).as("never as itself").isZero();
    }

    @Test
    void aRevokedExpiredOrUnknownTokenIsA401Problem() throws Exception {
        long account = account("sales-managers");
        String revoked = issue(account, "[\"read\"]", 30);
        String expired = issue(account, "[\"read\"]", 1);
        long revokedId = jdbc.queryForObject("select id from api_token where token_sha256 = ?", Long.class,
                Signatures.sha256Hex(revoked));
        assertThat(bearer(revoked, "GET", "/api/contracts", null).status()).isEqualTo(200);

        assertThat(api.send("admin", "DELETE", "/api/admin/service-accounts/" + account + "/tokens/" + revokedId,
                null, null).body().get("revokedAt")).isNotNull();
        jdbc.update("update api_token set expires_at = now() - interval '1 second' where token_sha256 = ?",
                Signatures.sha256Hex(expired));

        for (String token : new String[] {revoked, expired, "pct_made-up", "not-even-ours"}) {
            Answer answer = bearer(token, "GET", "/api/contracts", null);
            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void onlyAnAdminInPersonManagesServiceAccounts() throws Exception {
        assertThat(api.send("sales1", "POST", "/api/admin/service-accounts",
                "{\"name\": \"svc-mine\", \"groups\": [\"sales\"]}", null).status()).isEqualTo(403);

        long account = account("camunda-admin");
        String adminToken = issue(account, "[\"read\", \"write\"]", 30);

        assertThat(bearer(adminToken, "POST", "/api/admin/service-accounts/" + account + "/tokens",
                "{\"name\": \"escalate\", \"scopes\": [\"write\"], \"validDays\": 366}").status()).isEqualTo(403);
        assertThat(api.send("admin", "POST", "/api/admin/service-accounts",
                "{\"name\": \"admin\", \"groups\": [\"nobody-has-this\"]}", "en").fields())
                .containsExactlyInAnyOrder("name", "groups");
    }

    private long account(String group) throws Exception {
        String name = "svc-test-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        ApiClient.Response created = api.send("admin", "POST", "/api/admin/service-accounts",
                "{\"name\": \"%s\", \"description\": \"ERP\", \"groups\": [\"%s\"]}".formatted(name, group), null);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private String issue(long account, String scopes, int days) throws Exception {
        ApiClient.Response issued = api.send("admin", "POST", "/api/admin/service-accounts/" + account + "/tokens",
                "{\"name\": \"nightly sync\", \"scopes\": %s, \"validDays\": %d}".formatted(scopes, days), null);
        assertThat(issued.status()).isEqualTo(201);
        return issued.body().get("secret").asText();
    }

    private record Answer(int status, String contentType, JsonNode body) {
    }

    private Answer bearer(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = api.request(null, method, path, body, "en")
                .header("Authorization", "Bearer " + token);
        HttpResponse<String> response = api.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? null : json.readTree(response.body()));
    }
}
