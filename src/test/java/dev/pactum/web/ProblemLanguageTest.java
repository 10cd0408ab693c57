package dev.pactum.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Refusals integrators meet first, through the real server: an unknown address, a wrong method, numbers in
 * messages, and every fault of a request in one answer, in a stable order.
 */
@PactumTest
class ProblemLanguageTest {

    @Autowired
    ApiClient api;

    @Test
    void anUnknownAddressIsANotFoundProblemInTheCallersLanguage() throws Exception {
        ApiClient.Response english = api.send("sales1", "GET", "/api/no-such-thing", null, "en");
        ApiClient.Response chinese = api.send("sales1", "GET", "/api/no-such-thing", null, "zh-CN");
        ApiClient.Response byDefault = api.send("sales1", "GET", "/api/contracts/1/no-such-part", null, null);

        assertThat(english.status()).isEqualTo(404);
        assertThat(english.contentType()).startsWith("application/problem+json");
        assertThat(english.body().path("type").asText()).isEqualTo(ProblemHandler.TYPE_BASE + "not-found");
        assertThat(english.body().path("title").asText()).isEqualTo("Not found");
        assertThat(english.body().path("detail").asText()).isEqualTo("Nothing is at this address; check the path.");
        assertThat(chinese.status()).isEqualTo(404);
        assertThat(chinese.body().path("title").asText()).isEqualTo("未找到");
        assertThat(chinese.body().path("detail").asText()).isEqualTo("此地址不存在，请检查路径。");
        assertThat(byDefault.status()).isEqualTo(404);
        assertThat(byDefault.body().path("detail").asText()).isEqualTo("此地址不存在，请检查路径。")
                .doesNotContain("static resource");
    }

    @Test
    void aMethodTheAddressDoesNotTakeIsSaidInTheCallersLanguage() throws Exception {
        ApiClient.Response english = api.send("sales1", "DELETE", "/api/customers", null, "en");
        ApiClient.Response chinese = api.send("sales1", "DELETE", "/api/customers", null, "zh-CN");

        assertThat(english.status()).isEqualTo(405);
        assertThat(english.body().path("detail").asText()).startsWith("This address does not take the DELETE method");
        assertThat(chinese.status()).isEqualTo(405);
        assertThat(chinese.body().path("detail").asText()).startsWith("此地址不接受 DELETE 方法");
    }

    @Test
    void idsAndLimitsInMessagesAreDigitsWithoutSeparators() throws Exception {
        ApiClient.Response answer = api.send("sales1", "POST", "/api/contracts", """
                {"templateKey":"sales-standard","customerId":1234567,"title":"x","type":"SALES","amount":10,
                 "currency":"CNY","startDate":"2027-01-01","endDate":"2027-12-31","paymentTermDays":30,
                 "clauses":{"price":"%s"}}""".formatted("长".repeat(20_001)), "en");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(message(answer, "customerId")).contains("1234567").doesNotContain("1,234,567");
        assertThat(message(answer, "clauses[price]")).contains("20000").doesNotContain("20,000");
    }

    @Test
    void everyFaultOfADraftComesInOneAnswerInAStableOrder() throws Exception {
        // Broken constraints (title blank, amount negative) and broken checks that need the database or several
        // fields (template, customer, currency, dates) together.
        String body = """
                {"templateKey":"no-such-template","customerId":999999999,"title":" ","type":"SALES","amount":-1,
                 "currency":"XXX","startDate":"2027-02-01","endDate":"2027-01-01","paymentTermDays":30}""";
        ApiClient.Response first = api.send("sales1", "POST", "/api/contracts", body, "en");
        ApiClient.Response second = api.send("sales1", "POST", "/api/contracts", body, "en");

        assertThat(first.status()).isEqualTo(400);
        assertThat(first.fields()).containsExactly("amount", "currency", "customerId", "endDate", "templateKey",
                "title");
        assertThat(second.fields()).isEqualTo(first.fields());
        assertThat(messages(second)).isEqualTo(messages(first));
    }

    private static String message(ApiClient.Response answer, String field) {
        for (JsonNode error : answer.body().path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return error.path("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + answer.body());
    }

    private static List<String> messages(ApiClient.Response answer) {
        List<String> messages = new ArrayList<>();
        answer.body().path("errors").forEach(error -> messages.add(error.path("message").asText()));
        return messages;
    }
}
