package dev.pactum.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.TestPeers;
import dev.pactum.contract.Contract;
import dev.pactum.contract.CreditCodes;
import dev.pactum.contract.CustomerRepository;
import dev.pactum.contract.TestContracts;
import dev.pactum.document.ContractDocumentService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Customers imported from the CRM by its id, over real HTTP against a real HTTP peer (WireMock). */
@PactumTest
class CrmImportTest {

    @Autowired ApiClient api;
    @Autowired CustomerRepository customers;
    @Autowired TestContracts testContracts;
    @Autowired ContractDocumentService documents;

    private final WireMockServer peers = TestPeers.peers();

    @Test
    void aCustomerTheCrmKnowsIsRegisteredWithItsDataButNoCreditData() throws Exception {
        String code = TestContracts.newCreditCode();
        crmAnswers("ACC-1001", 200, """
                {"protocol": "pactum.customer.v1", "crmId": "ACC-1001", "name": "  华东精密制造有限公司 ",
                 "creditCode": "%s", "contactName": "王经理", "contactEmail": "wang@huadong.example",
                 "contactPhone": "021-5555-0101", "creditLimit": "99999999"}""".formatted(code.toLowerCase()));

        ApiClient.Response imported = api.send("sales1", "POST", "/api/integrations/crm/customers/ACC-1001/import",
                null, "en");

        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
        assertThat(imported.body().get("created").asBoolean()).isTrue();
        var customer = customers.findByCreditCode(code).orElseThrow();
        assertThat(customer.getName()).isEqualTo("华东精密制造有限公司");
        assertThat(customer.getContactEmail()).isEqualTo("wang@huadong.example");
        assertThat(customer.getCreditLimit()).as("credit data is finance's").isNull();
        peers.verify(getRequestedFor(urlEqualTo("/crm/customers/ACC-1001"))
                .withHeader("Authorization", equalTo("Bearer crm-token")));
    }

    @Test
    void importingAKnownCustomerBringsItInStepAndReRendersItsOpenContracts() throws Exception {
        Contract draft = testContracts.draft("sales1", "30000.00");
        String code = draft.getCustomer().getCreditCode();
        int versionBefore = documents.versions(draft.getId()).size();
        crmAnswers("ACC-1002", 200, """
                {"name": "测试客户（更名后）有限公司", "creditCode": "%s", "contactName": "李四"}""".formatted(code));

        ApiClient.Response imported = api.send("sales1", "POST", "/api/integrations/crm/customers/ACC-1002/import",
                null, "en");

        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body().get("created").asBoolean()).isFalse();
        assertThat(imported.body().get("changed").asBoolean()).isTrue();
        assertThat(imported.body().at("/rerendered/0/contractNumber").asText()).isEqualTo(draft.getNumber());
        assertThat(documents.versions(draft.getId())).hasSize(versionBefore + 1);
        assertThat(customers.findByCreditCode(code).orElseThrow().getName()).isEqualTo("测试客户（更名后）有限公司");
    }

    @Test
    void anUnknownIdBadDataAPeerThatIsDownAndAnOddIdAreClearErrorsAndWriteNothing() throws Exception {
        long before = customers.count();
        crmAnswers("ACC-404", 404, "{}");
        crmAnswers("ACC-BAD", 200, """
                {"name": "", "creditCode": "91310000000000000X", "contactEmail": "not-an-address"}""");
        crmAnswers("ACC-DOWN", 503, "maintenance");

        ApiClient.Response unknown = importAs("ACC-404");
        ApiClient.Response bad = importAs("ACC-BAD");
        ApiClient.Response down = importAs("ACC-DOWN");
        ApiClient.Response odd = importAs("ACC%20%3Cscript%3E");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("detail").asText()).contains("The CRM has no customer ACC-404");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("detail").asText()).contains("name", "creditCode", "contactEmail");
        assertThat(down.status()).isEqualTo(502);
        assertThat(down.contentType()).contains("application/problem+json");
        assertThat(odd.status()).isEqualTo(400);
        assertThat(odd.body().at("/errors/0/field").asText()).isEqualTo("crmId");
        assertThat(customers.count()).isEqualTo(before);
        assertThat(CreditCodes.isValid("91310000000000000X")).isFalse();
    }

    private ApiClient.Response importAs(String crmId) throws Exception {
        return api.send("sales1", "POST", "/api/integrations/crm/customers/" + crmId + "/import", null, "en");
    }

    private void crmAnswers(String crmId, int status, String body) {
        peers.stubFor(get(urlEqualTo("/crm/customers/" + crmId)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}
