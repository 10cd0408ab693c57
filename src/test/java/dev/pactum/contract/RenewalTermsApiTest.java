package dev.pactum.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The renewal terms of a contract through the API: checked field by field, shown, and printed in the contract. */
@PactumTest
class RenewalTermsApiTest {

    @Autowired ApiClient api;
    @Autowired ContractRepository contracts;
    @Autowired TestContracts testContracts;

    @Test
    void renewalTermsThatDoNotFitTheTermAreRefusedFieldByFieldInTheCallersLanguage() throws Exception {
        long customerId = testContracts.customer("续约条款校验有限公司").getId();
        String body = contractJson(customerId,
                "{\"autoRenew\": true, \"noticePeriodDays\": 400, \"renewalTermMonths\": 6, \"minimumTermMonths\": 24}");
        long before = contracts.count();

        ApiClient.Response zh = api.send("sales1", "POST", "/api/contracts", body, "zh-CN");
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.contentType()).startsWith("application/problem+json");
        assertThat(zh.fields()).containsExactlyInAnyOrder("terms.renewalNoticeDays", "endDate",
                "terms.renewalTermMonths");
        assertThat(message(zh, "terms.renewalNoticeDays")).isEqualTo("不续约通知期不能长于合同期（364 天）：通知截止日须在合同期内");
        assertThat(message(zh, "endDate")).isEqualTo("合同期限须至少 24 个月（结束日期不早于 2028-12-31）");
        assertThat(message(zh, "terms.renewalTermMonths")).isEqualTo("续约期限不能短于最短期限 24 个月");

        ApiClient.Response en = api.send("sales1", "POST", "/api/contracts", body, "en");
        assertThat(message(en, "endDate")).isEqualTo("The term must be at least 24 months (end date on or after 2028-12-31)");
        assertThat(message(en, "terms.renewalTermMonths"))
                .isEqualTo("The renewal term cannot be shorter than the minimum term of 24 months");

        ApiClient.Response outOfRange = api.send("sales1", "POST", "/api/contracts",
                contractJson(customerId, "{\"renewalTermMonths\": 0, \"minimumTermMonths\": 121}"), "en");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.fields()).containsExactlyInAnyOrder("terms.renewalTermMonths", "terms.minimumTermMonths");
        assertThat(contracts.count()).isEqualTo(before);
    }

    @Test
    void renewalTermsAreKeptShownAndPrintedInTheTermClause() throws Exception {
        long customerId = testContracts.customer("续约条款展示有限公司").getId();
        ApiClient.Response drafted = api.send("sales1", "POST", "/api/contracts", contractJson(customerId,
                "{\"liabilityCap\": 300000, \"autoRenew\": true, \"noticePeriodDays\": 30, \"renewalTermMonths\": 12,"
                        + " \"minimumTermMonths\": 12}"), "en");
        assertThat(drafted.status()).as("%s", drafted.body()).isEqualTo(201);
        long id = drafted.body().get("id").asLong();

        ApiClient.Response view = api.send("sales1", "GET", "/api/contracts/" + id, null, "en");
        assertThat(view.body().at("/terms/autoRenewal").asBoolean()).isTrue();
        assertThat(view.body().at("/terms/renewalNoticeDays").asInt()).isEqualTo(30);
        assertThat(view.body().at("/terms/renewalTermMonths").asInt()).isEqualTo(12);
        assertThat(view.body().at("/terms/minimumTermMonths").asInt()).isEqualTo(12);
        assertThat(view.body().at("/renewal/decisions").isArray()).isTrue();

        assertThat(api.send("sales1", "POST", "/api/contracts/" + id + "/submit", null, null).status()).isEqualTo(200);
        HttpResponse<byte[]> pdf = api.send(api.request("sales1", "GET", "/api/contracts/" + id + "/document", null,
                null), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("本合同期限不少于12个月", "本合同期满前30日", "续期期限为12个月");
        }
    }

    private static String message(ApiClient.Response problem, String field) {
        for (var error : problem.body().get("errors")) {
            if (error.get("field").asText().equals(field)) {
                return error.get("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem.body());
    }

    private static String contractJson(long customerId, String terms) {
        return """
                {"templateKey":"sales-standard","customerId":%d,"title":"续约条款合同","type":"SALES",
                 "amount":300000,"currency":"CNY","startDate":"2027-01-01","endDate":"2027-12-31",
                 "paymentTermDays":30,"terms":%s}""".formatted(customerId, terms);
    }
}
