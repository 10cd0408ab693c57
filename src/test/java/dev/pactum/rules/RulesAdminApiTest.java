package dev.pactum.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumTest;
import dev.pactum.contract.TestContracts;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The rule administration API over real HTTP, on the real database. */
@PactumTest
class RulesAdminApiTest {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired RuleBase live;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onlyAdminsAndProcessAnalystsMayReloadOrReplay() throws Exception {
        for (String user : new String[] {"sales1", "manager1", "legal1"}) {
            Response reload = send(user, "POST", "/api/admin/rules/reload", null);
            assertThat(reload.status).isEqualTo(403);
            assertThat(reload.contentType).startsWith("application/problem+json");
            assertThat(reload.body.get("type").asText()).isEqualTo("https://pactum.dev/problems/forbidden");

            assertThat(send(user, "POST", "/api/admin/rules/what-if", "{}").status).isEqualTo(403);
        }
    }

    @Test
    void anAdminReloadsTheConfiguredRulesCheckedAgainstEveryFixture() throws Exception {
        Response reload = send("admin", "POST", "/api/admin/rules/reload", null);

        assertThat(reload.status).isEqualTo(200);
        assertThat(reload.body.get("version").asText()).isEqualTo(live.version())
                .isEqualTo(ProjectRules.ruleBase().version());
        assertThat(reload.body.get("files").toString()).contains("rules/approval-routing.xlsx",
                "rules/approval-routing.drl", "rules/risk-scoring.drl");
        assertThat(reload.body.get("fixturesPassed").asInt())
                .isEqualTo(RuleFixturesTest.projectFixtures().cases().size());
    }

    @Test
    void aCandidateThatLowersTheLegalThresholdShowsWhichContractsWouldGainLegal() throws Exception {
        long customerId = send("sales1", "POST", "/api/customers", """
                {"name":"假设分析客户有限公司","creditCode":"%s"}""".formatted(TestContracts.newCreditCode()))
                .body.get("id").asLong();
        String between = draft(customerId, "300000.00");
        String below = draft(customerId, "100000.00");
        String above = draft(customerId, "600000.00");

        Response report = send("admin", "POST", "/api/admin/rules/what-if", json.writeValueAsString(Map.of(
                "files", Map.of("rules/approval-routing.xlsx", legalThresholdAt("200000")),
                "lastContracts", 10)));

        assertThat(report.status).isEqualTo(200);
        assertThat(report.body.get("liveVersion").asText()).isEqualTo(live.version());
        assertThat(report.body.get("candidateVersion").asText()).isNotEqualTo(live.version());
        assertThat(report.body.get("contractsCompared").asInt()).isBetween(3, 10).isEqualTo(report.body.get("contracts").size());
        JsonNode gained = contract(report, between);
        assertThat(gained.get("routingChanged").asBoolean()).isTrue();
        assertThat(gained.get("stepsAdded").toString()).isEqualTo("[\"legal @ 2\"]");
        assertThat(gained.get("chainBefore").toString()).isEqualTo("[\"1 ANY [sales-managers]\"]");
        assertThat(gained.get("chainAfter").toString()).isEqualTo("[\"1 ANY [sales-managers]\",\"2 ANY [legal]\"]");
        assertThat(gained.get("riskLevelBefore").asText()).isEqualTo(gained.get("riskLevelAfter").asText());
        assertThat(contract(report, below).get("routingChanged").asBoolean()).isFalse();
        assertThat(contract(report, above).get("routingChanged").asBoolean()).isFalse();
        assertThat(report.body.at("/summary/routingChanged").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.body.at("/summary/changesByKind/STEP_ADDED").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.body.at("/summary/riskLevelChanged").asInt()).isZero();
    }

    @Test
    void aCandidateThatDoesNotCompileIsA400NamingFileAndLine() throws Exception {
        Response report = send("admin", "POST", "/api/admin/rules/what-if", json.writeValueAsString(Map.of(
                "files", Map.of("rules/risk-scoring.drl", "package dev.pactum.risk.scoring;\n\nrule \"x\"\nwhen\n  Nope()\nthen\nend\n"))));

        assertThat(report.status).isEqualTo(400);
        assertThat(report.contentType).startsWith("application/problem+json");
        assertThat(report.body.get("type").asText()).isEqualTo("https://pactum.dev/problems/rules-invalid");
        assertThat(report.body.get("detail").asText()).contains("rules/risk-scoring.drl line 5");
    }

    private String draft(long customerId, String amount) throws Exception {
        Response drafted = send("sales1", "POST", "/api/contracts", """
                {"templateKey":"sales-standard","customerId":%d,"title":"假设分析合同","type":"SALES",
                 "amount":%s,"currency":"CNY","startDate":"2027-01-01","endDate":"2027-12-31",
                 "paymentTermDays":30,"terms":{"liabilityCap":%s}}""".formatted(customerId, amount, amount));
        assertThat(drafted.status).isEqualTo(201);
        return drafted.body.get("number").asText();
    }

    /** The shipped routing table with "Contracts of 500,000 CNY or more need legal" (row 13) at another amount. */
    private static String legalThresholdAt(String amount) throws IOException {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(
                Files.readAllBytes(Path.of("rules/approval-routing.xlsx"))));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            assertThat(book.getSheetAt(0).getRow(12).getCell(0).getStringCellValue())
                    .isEqualTo("Contracts of 500,000 CNY or more need legal");
            book.getSheetAt(0).getRow(12).getCell(4).setCellValue(amount);
            book.write(out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        }
    }

    private static JsonNode contract(Response report, String number) {
        for (JsonNode contract : report.body.get("contracts")) {
            if (contract.get("number").asText().equals(number)) {
                return contract;
            }
        }
        throw new AssertionError(number + " not in the report");
    }

    private Response send(String user, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "en")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body().isEmpty() ? null : json.readTree(response.body());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), parsed);
    }

    record Response(int status, String contentType, JsonNode body) {
    }
}
