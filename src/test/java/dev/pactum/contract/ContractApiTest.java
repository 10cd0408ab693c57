package dev.pactum.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The contract API over real HTTP, as the demo users, on the real database. */
@PactumTest
class ContractApiTest {

    @Autowired ObjectMapper json;
    @Autowired ApiClient api;
    @Autowired ContractRepository contracts;
    @Autowired CustomerRepository customers;

    long customerId;

    @BeforeEach
    void customer() throws Exception {
        // Finance keeps credit limits; sales may not set one (CustomerCreditTest).
        ApiClient.Response created = api.send("finance1", "POST", "/api/customers", """
                {"name":"接口测试客户有限公司","creditCode":"%s","contactName":"赵六","contactEmail":"zhao@example.com",
                 "creditLimit":800000}""".formatted(TestContracts.newCreditCode()), null);
        assertThat(created.status()).isEqualTo(201);
        customerId = created.body().get("id").asLong();
    }

    @Test
    void draftSubmitAndReadAContractWithRiskApprovalChainAndDocument() throws Exception {
        ApiClient.Response drafted = api.send("sales1", "POST", "/api/contracts", contractJson(customerId, "1200000.00", 120), null);
        assertThat(drafted.status()).isEqualTo(201);
        assertThat(drafted.body().get("number").asText()).matches("HT-\\d{4}-\\d{6}");
        assertThat(drafted.body().get("status").asText()).isEqualTo("DRAFT");
        long id = drafted.body().get("id").asLong();

        ApiClient.Response submitted = api.send("sales1", "POST", "/api/contracts/" + id + "/submit", null, null);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.body().get("status").asText()).isEqualTo("IN_APPROVAL");

        ApiClient.Response read = api.send("sales1", "GET", "/api/contracts/" + id, null, "en");
        JsonNode body = read.body();
        assertThat(body.get("status").asText()).isEqualTo("IN_APPROVAL");
        // 120-day payment term (+20), above the 800,000 credit limit (+25), no liability cap (+25), new customer (+10)
        assertThat(body.at("/risk/score").asInt()).isEqualTo(80);
        assertThat(body.at("/risk/level").asText()).isEqualTo("HIGH");
        assertThat(body.at("/risk/findings")).hasSize(4);
        assertThat(body.at("/risk/findings/0/points").asInt()).isEqualTo(25);
        assertThat(body.at("/risk/findings/0/clauseId").asText()).isEqualTo("price");
        assertThat(body.at("/risk/findings/0/message").asText()).isEqualTo(body.at("/risk/findings/0/messageEn").asText());
        assertThat(body.at("/approvalChain")).hasSize(3);
        assertThat(body.at("/approvalChain/0/groups/0").asText()).isEqualTo("sales-managers");
        assertThat(body.at("/approvalChain/0/mode").asText()).isEqualTo("ANY");
        assertThat(body.at("/approvalChain/0/state").asText()).isEqualTo("ACTIVE");
        assertThat(body.at("/approvalChain/0/addedBy/0").asText()).isEqualTo("Every contract needs a sales manager");
        assertThat(body.at("/approvalChain/1/groups").toString()).isEqualTo("[\"finance\",\"legal\"]");
        assertThat(body.at("/approvalChain/1/mode").asText()).isEqualTo("ALL");
        assertThat(body.at("/approvalChain/1/state").asText()).isEqualTo("PENDING");
        assertThat(body.at("/approvalChain/2/groups/0").asText()).isEqualTo("directors");
        assertThat(body.at("/approvalChain/2/addedBy/0").asText()).isEqualTo("High risk needs a director");
        assertThat(body.has("fastLaneRule")).isFalse();
        assertThat(body.at("/documentVersions")).hasSize(1);
        assertThat(body.at("/documentVersions/0/sha256").asText()).hasSize(64);
        assertThat(body.at("/documentVersions/0/createdBy").asText()).isEqualTo("sales1");

        HttpResponse<byte[]> pdf = api.send(api.request("sales1", "GET", "/api/contracts/" + id + "/document", null, null), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void badInputIsRefusedWithTheFieldsAtFaultAndNothingIsWritten() throws Exception {
        long before = contracts.count();
        ApiClient.Response missing = api.send("sales1", "POST", "/api/contracts", "{\"customerId\":" + customerId + "}", "en");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.body().get("type").asText()).isEqualTo("https://pactum.dev/problems/validation");
        assertThat(missing.body().get("title").asText()).isEqualTo("Invalid request");
        assertThat(missing.fields()).contains("templateKey", "title", "type", "amount", "currency", "startDate",
                "endDate", "paymentTermDays");

        ApiClient.Response semantic = api.send("sales1", "POST", "/api/contracts", """
                {"templateKey":"no-such-template","customerId":999999999,"title":"x","type":"SALES","amount":10,
                 "currency":"XXX","startDate":"2027-02-01","endDate":"2027-01-01","paymentTermDays":30}""", null);
        assertThat(semantic.status()).isEqualTo(400);
        assertThat(semantic.body().get("title").asText()).isEqualTo("请求内容有误");
        assertThat(semantic.fields()).containsExactlyInAnyOrder("customerId", "templateKey", "currency", "endDate");

        ApiClient.Response negative = api.send("sales1", "POST", "/api/contracts",
                contractJson(customerId, "-1", 30), "en");
        assertThat(negative.fields()).containsExactly("amount");

        ApiClient.Response malformed = api.send("sales1", "POST", "/api/contracts", "{\"title\": ", "en");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("type").asText()).endsWith("/malformed-request");

        ApiClient.Response wrongType = api.send("sales1", "POST", "/api/contracts",
                contractJson(customerId, "10", 30).replace("\"SALES\"", "\"LEASE\""), "en");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.fields()).containsExactly("type");

        assertThat(contracts.count()).isEqualTo(before);
    }

    @Test
    void aClauseIdTheTemplateLacksIsRefusedAtDraft() throws Exception {
        long before = contracts.count();
        String body = contractJson(customerId, "9000", 30).replace("}}", "},"
                + "\"clauses\":{\"payment\":\"乙方应于验收合格后 15 日内付款。\",\"warranty\":\"质保两年。\"}}");

        ApiClient.Response zh = api.send("sales1", "POST", "/api/contracts", body, null);
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.contentType()).startsWith("application/problem+json");
        assertThat(zh.fields()).containsExactly("clauses.warranty");
        assertThat(zh.body().at("/errors/0/message").asText()).isEqualTo("模板 sales-standard 中没有条款 warranty");
        ApiClient.Response en = api.send("sales1", "POST", "/api/contracts", body, "en");
        assertThat(en.body().at("/errors/0/message").asText()).isEqualTo("template sales-standard has no clause warranty");
        assertThat(contracts.count()).isEqualTo(before);
    }

    @Test
    void theContractPdfShowsNegotiatedClausesMarkedAndTheTerms() throws Exception {
        String body = contractJson(customerId, "300000", 30).replace("}}", "},"
                + "\"terms\":{\"liabilityCap\":150000,\"autoRenewal\":true,\"renewalNoticeDays\":45,"
                + "\"liquidatedDamagesPercent\":12.5},"
                + "\"clauses\":{\"confidentiality\":\"双方对报价与图纸保密五年。\\n期满后销毁全部资料。\","
                + "\"dispute\":\"因本合同引起的或与本合同有关的任何争议，双方应友好协商解决；协商不成的，"
                + "任何一方均可向甲方所在地有管辖权的人民法院提起诉讼。\"}}");
        ApiClient.Response drafted = api.send("sales1", "POST", "/api/contracts", body, null);
        assertThat(drafted.status()).isEqualTo(201);
        long id = drafted.body().get("id").asLong();
        assertThat(api.send("sales1", "POST", "/api/contracts/" + id + "/submit", null, null).status()).isEqualTo(200);

        HttpResponse<byte[]> pdf = api.send(api.request("sales1", "GET", "/api/contracts/" + id + "/document", null, null), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("双方对报价与图纸保密五年。", "期满后销毁全部资料。", "本合同总价款 12.5% 的违约金",
                    "人民币150,000.00元", "本合同期满前 45 日", "自动续期");
            // The dispute clause repeats the standard text word for word: it is printed as standard, unmarked.
            assertThat(text.split("协商条款", -1)).hasSize(2);
        }
    }

    @Test
    void aCustomerWithABadCreditCodeIsRefusedInTheCallersLanguage() throws Exception {
        String body = "{\"name\":\"坏代码公司\",\"creditCode\":\"91310000MA1FL00010\"}";
        ApiClient.Response zh = api.send("sales1", "POST", "/api/customers", body, "zh-CN");
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.body().at("/errors/0/field").asText()).isEqualTo("creditCode");
        assertThat(zh.body().at("/errors/0/message").asText()).contains("统一社会信用代码");

        ApiClient.Response en = api.send("sales1", "POST", "/api/customers", body, "en");
        assertThat(en.body().at("/errors/0/message").asText()).contains("unified social credit code");
    }

    @Test
    void aDuplicateCreditCodeIsAConflict() throws Exception {
        String code = TestContracts.newCreditCode();
        String body = "{\"name\":\"重复公司\",\"creditCode\":\"" + code + "\"}";
        assertThat(api.send("sales1", "POST", "/api/customers", body, null).status()).isEqualTo(201);
        ApiClient.Response again = api.send("sales1", "POST", "/api/customers", body, "en");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asText()).contains(code);
    }

    @Test
    void anIdempotencyKeyMakesARepeatedDraftReturnTheFirstContract() throws Exception {
        String body = contractJson(customerId, "5000", 30);
        HttpResponse<String> first = api.send(api.request("sales1", "POST", "/api/contracts", body, null)
                .header("Idempotency-Key", "order-4711"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = api.send(api.request("sales1", "POST", "/api/contracts", body, null)
                .header("Idempotency-Key", "order-4711"), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json.readTree(second.body()).get("id")).isEqualTo(json.readTree(first.body()).get("id"));
    }

    @Test
    void aSalesUserSeesOnlyTheirOwnContractsWhileReviewersSeeAll() throws Exception {
        long id = api.send("sales1", "POST", "/api/contracts", contractJson(customerId, "7000", 30), null)
                .body().get("id").asLong();

        assertThat(api.send("sales2", "GET", "/api/contracts/" + id, null, null).status()).isEqualTo(404);
        assertThat(api.send("sales2", "POST", "/api/contracts/" + id + "/submit", null, null).status()).isEqualTo(404);
        assertThat(api.send("sales2", "GET", "/api/contracts/" + id + "/document", null, null).status()).isEqualTo(404);
        assertThat(api.send("manager1", "GET", "/api/contracts/" + id, null, null).status()).isEqualTo(200);
        assertThat(api.send("legal1", "GET", "/api/contracts/" + id, null, null).status()).isEqualTo(200);

        JsonNode sales2List = api.send("sales2", "GET", "/api/contracts?customerId=" + customerId, null, null).body();
        assertThat(sales2List.at("/page/totalElements").asLong()).isZero();
        JsonNode managerList = api.send("manager1", "GET", "/api/contracts?customerId=" + customerId + "&status=DRAFT",
                null, null).body();
        assertThat(managerList.at("/page/totalElements").asLong()).isEqualTo(1);
        JsonNode search = api.send("sales1", "GET", "/api/contracts?q=" + "接口测试客户", null, null).body();
        assertThat(search.at("/content/0/customerName").asText()).isEqualTo("接口测试客户有限公司");
    }

    @Test
    void submittingTwiceIsAConflict() throws Exception {
        long id = api.send("sales1", "POST", "/api/contracts", contractJson(customerId, "8000", 30), null)
                .body().get("id").asLong();
        assertThat(api.send("sales1", "POST", "/api/contracts/" + id + "/submit", null, null).status()).isEqualTo(200);
        ApiClient.Response again = api.send("sales1", "POST", "/api/contracts/" + id + "/submit", null, "en");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asText()).contains("only a draft can be submitted");
    }

    @Test
    void withoutCredentialsTheApiAnswers401() throws Exception {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/api/contracts")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void unknownFiltersAndSortsAreBadRequestsNotServerErrors() throws Exception {
        assertThat(api.send("sales1", "GET", "/api/contracts?status=NOPE", null, null).status()).isEqualTo(400);
        assertThat(api.send("sales1", "GET", "/api/contracts?sort=secret", null, null).status()).isEqualTo(400);
        assertThat(api.send("sales1", "GET", "/api/contracts/abc", null, null).status()).isEqualTo(400);
        assertThat(api.send("sales1", "GET", "/api/contracts/999999999", null, null).status()).isEqualTo(404);
    }

    private static String contractJson(long customerId, String amount, int paymentTermDays) {
        return """
                {"templateKey":"sales-standard","customerId":%d,"title":"工业机器人销售合同","type":"SALES",
                 "amount":%s,"currency":"CNY","startDate":"2027-01-01","endDate":"2027-12-31",
                 "paymentTermDays":%d,"fields":{"交货地点":"上海"}}""".formatted(customerId, amount, paymentTermDays);
    }

}
