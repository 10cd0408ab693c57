package dev.pactum.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Credit data feeds the risk score: finance keeps it; the sales it judges neither set nor read it. */
@PactumTest
class CustomerCreditTest {

    @Autowired ApiClient api;
    @Autowired CustomerRepository customers;

    @Test
    void salesMayNotSetCreditDataAndDoNotSeeIt() throws Exception {
        ApiClient.Response withCredit = api.send("sales1", "POST", "/api/customers", """
                {"name": "自定额度有限公司", "creditCode": "%s", "creditLimit": 99999999}"""
                .formatted(TestContracts.newCreditCode()), "en");
        ApiClient.Response plain = api.send("sales1", "POST", "/api/customers", """
                {"name": "普通客户有限公司", "creditCode": "%s"}""".formatted(TestContracts.newCreditCode()), "en");

        assertThat(withCredit.status()).isEqualTo(403);
        assertThat(withCredit.body().get("detail").asText()).contains("kept by finance");
        assertThat(plain.status()).isEqualTo(201);
        long id = plain.body().get("id").asLong();

        ApiClient.Response bySales = api.send("sales1", "PUT", "/api/customers/" + id + "/credit",
                "{\"creditLimit\": 500000, \"hasOverduePayments\": false}", "en");
        ApiClient.Response byFinance = api.send("finance1", "PUT", "/api/customers/" + id + "/credit",
                "{\"creditLimit\": 500000, \"hasOverduePayments\": true}", "en");

        assertThat(bySales.status()).isEqualTo(403);
        assertThat(byFinance.status()).isEqualTo(200);
        assertThat(customers.findById(id).orElseThrow().hasOverduePayments()).isTrue();
        assertThat(api.send("sales1", "GET", "/api/customers?size=500", null, "en").body().toString())
                .doesNotContain("creditLimit").doesNotContain("hasOverduePayments");
        assertThat(api.send("finance1", "GET", "/api/customers?size=500", null, "en").body().toString())
                .contains("\"creditLimit\"");
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() throws Exception {
        Customer customer = customers.findAll().get(0);
        String body = """
                {"templateKey": "sales-standard", "customerId": %d, "title": "幂等合同", "type": "SALES",
                 "amount": %s, "currency": "CNY", "startDate": "2027-01-01", "endDate": "2027-12-31",
                 "paymentTermDays": 30}""";
        String key = "key-" + System.nanoTime();
        var first = api.send(api.request("sales1", "POST", "/api/contracts", body.formatted(customer.getId(), "1000"),
                "en").header("Idempotency-Key", key), java.net.http.HttpResponse.BodyHandlers.ofString());
        var same = api.send(api.request("sales1", "POST", "/api/contracts", body.formatted(customer.getId(), "1000"),
                "en").header("Idempotency-Key", key), java.net.http.HttpResponse.BodyHandlers.ofString());
        var other = api.send(api.request("sales1", "POST", "/api/contracts", body.formatted(customer.getId(), "1.00"),
                "en").header("Idempotency-Key", key), java.net.http.HttpResponse.BodyHandlers.ofString());
        var tooLong = api.send(api.request("sales1", "POST", "/api/contracts", body.formatted(customer.getId(), "5"),
                "en").header("Idempotency-Key", "k".repeat(150)), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(api.send("sales1", "GET", "/api/contracts?q=" + "a".repeat(201), null, "en").status())
                .isEqualTo(400);
        assertThat(api.send("sales1", "POST", "/api/contracts", "{\"title\": \"" + "x".repeat(1_100_000) + "\"}",
                "en").status()).isEqualTo(413);
    }
}
