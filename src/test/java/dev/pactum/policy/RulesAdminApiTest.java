package dev.pactum.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.rules.RuleBase;
import dev.pactum.rules.ProjectRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.contract.TestContracts;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rule administration API over real HTTP, on the real database. */
@PactumTest
class RulesAdminApiTest {
    @Autowired ObjectMapper json;
    @Autowired ApiClient api;
    @Autowired RuleBase live;


    @Test
    void aCandidateRuleSetIsCodeOnlyAdminsMayReplayAndNoCallerNamesWhereTheServerReads() throws Exception {
        String drl = "package dev.pactum.risk.scoring;\nrule \"Reads the server\"\nwhen\nthen\n"
                + "  System.getProperty(\"user.home\");\nend\n";
        ApiClient.Response analyst = api.send("analyst1", "POST", "/api/admin/rules/what-if",
                json.writeValueAsString(Map.of("files", Map.of("rules/extra.drl", drl))), "en");
        assertThat(analyst.status()).isEqualTo(403);

        ApiClient.Response located = api.send("admin", "POST", "/api/admin/rules/what-if",
                json.writeValueAsString(Map.of("location", "file:///etc/", "lastContracts", 1)), "en");
        assertThat(located.status()).isEqualTo(200);
        assertThat(located.body().get("candidateVersion").asText())
                .isEqualTo(located.body().get("liveVersion").asText());
    }

    @Test
    void onlyAdminsAndProcessAnalystsMayReloadOrReplay() throws Exception {
        for (String user : new String[] {"sales1", "manager1", "legal1"}) {
            ApiClient.Response reload = api.send(user, "POST", "/api/admin/rules/reload", null, "en");
            assertThat(reload.status()).isEqualTo(403);
            assertThat(reload.contentType()).startsWith("application/problem+json");
            assertThat(reload.body().get("type").asText()).isEqualTo("https://pactum.dev/problems/forbidden");

            assertThat(api.send(user, "POST", "/api/admin/rules/what-if", "{}", "en").status()).isEqualTo(403);
        }
    }

    @Test
    void anAdminReloadsTheConfiguredRulesCheckedAgainstEveryFixture() throws Exception {
        ApiClient.Response reload = api.send("admin", "POST", "/api/admin/rules/reload", null, "en");

        assertThat(reload.status()).isEqualTo(200);
        assertThat(reload.body().get("version").asText()).isEqualTo(live.version())
                .isEqualTo(ProjectRules.ruleBase().version());
        assertThat(reload.body().get("files").toString()).contains("rules/approval-routing.xlsx",
                "rules/approval-routing.drl", "rules/risk-scoring.drl");
        assertThat(reload.body().get("fixturesPassed").asInt())
                .isEqualTo(RuleFixturesTest.projectFixtures().cases().size());
    }

    @Test
    void aCandidateThatLowersTheLegalThresholdShowsWhichContractsWouldGainLegal() throws Exception {
        long customerId = api.send("sales1", "POST", "/api/customers", """
                {"name":"假设分析客户有限公司","creditCode":"%s"}""".formatted(TestContracts.newCreditCode()), "en")
                .body().get("id").asLong();
        String between = draft(customerId, "300000.00");
        String below = draft(customerId, "100000.00");
        String above = draft(customerId, "600000.00");

        ApiClient.Response report = api.send("admin", "POST", "/api/admin/rules/what-if", json.writeValueAsString(Map.of(
                "files", Map.of("rules/approval-routing.xlsx", legalThresholdAt("200000")),
                "lastContracts", 10)), "en");

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().get("liveVersion").asText()).isEqualTo(live.version());
        assertThat(report.body().get("candidateVersion").asText()).isNotEqualTo(live.version());
        assertThat(report.body().get("contractsCompared").asInt()).isBetween(3, 10).isEqualTo(report.body().get("contracts").size());
        JsonNode gained = contract(report, between);
        assertThat(gained.get("routingChanged").asBoolean()).isTrue();
        assertThat(gained.get("stepsAdded").toString()).isEqualTo("[\"legal @ 2\"]");
        assertThat(gained.get("chainBefore").toString()).isEqualTo("[\"1 ANY [sales-managers]\"]");
        assertThat(gained.get("chainAfter").toString()).isEqualTo("[\"1 ANY [sales-managers]\",\"2 ANY [legal]\"]");
        assertThat(gained.get("riskLevelBefore").asText()).isEqualTo(gained.get("riskLevelAfter").asText());
        assertThat(contract(report, below).get("routingChanged").asBoolean()).isFalse();
        assertThat(contract(report, above).get("routingChanged").asBoolean()).isFalse();
        assertThat(report.body().at("/summary/routingChanged").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.body().at("/summary/changesByKind/STEP_ADDED").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.body().at("/summary/riskLevelChanged").asInt()).isZero();
    }

    @Test
    void aCandidateThatDoesNotCompileIsA400NamingFileAndLine() throws Exception {
        ApiClient.Response report = api.send("admin", "POST", "/api/admin/rules/what-if", json.writeValueAsString(Map.of(
                "files", Map.of("rules/risk-scoring.drl", "package dev.pactum.risk.scoring;\n\nrule \"x\"\nwhen\n  Nope()\nthen\nend\n"))), "en");

        assertThat(report.status()).isEqualTo(400);
        assertThat(report.contentType()).startsWith("application/problem+json");
        assertThat(report.body().get("type").asText()).isEqualTo("https://pactum.dev/problems/rules-invalid");
        assertThat(report.body().get("detail").asText()).contains("rules/risk-scoring.drl line 5");
    }

    private String draft(long customerId, String amount) throws Exception {
        ApiClient.Response drafted = api.send("sales1", "POST", "/api/contracts", """
                {"templateKey":"sales-standard","customerId":%d,"title":"假设分析合同","type":"SALES",
                 "amount":%s,"currency":"CNY","startDate":"2027-01-01","endDate":"2027-12-31",
                 "paymentTermDays":30,"terms":{"liabilityCap":%s}}""".formatted(customerId, amount, amount), "en");
        assertThat(drafted.status()).isEqualTo(201);
        return drafted.body().get("number").asText();
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

    private static JsonNode contract(ApiClient.Response report, String number) {
        for (JsonNode contract : report.body().get("contracts")) {
            if (contract.get("number").asText().equals(number)) {
                return contract;
            }
        }
        throw new AssertionError(number + " not in the report");
    }

}
