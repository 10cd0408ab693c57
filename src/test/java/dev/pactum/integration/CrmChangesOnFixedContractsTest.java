package dev.pactum.integration;

import static dev.pactum.TestPeers.CRM_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.Customer;
import dev.pactum.contract.CustomerRepository;
import dev.pactum.contract.CustomerUpdate;
import dev.pactum.contract.TestContracts;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.obligation.SigningDriver;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A CRM change of a customer whose contracts are out for signature or signed: those keep their text, and the change
 * is recorded on each of them, shown with the contract and sealed into the audit trail; contracts still open are
 * rendered again as before.
 */
@PactumTest
class CrmChangesOnFixedContractsTest {

    @Autowired SignedEvents events;
    @Autowired ApiClient api;
    @Autowired TestContracts testContracts;
    @Autowired ContractService contractService;
    @Autowired ContractRepository contracts;
    @Autowired CustomerRepository customers;
    @Autowired ContractDocumentService documents;
    @Autowired CrmCustomers crm;
    @Autowired SigningDriver signing;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aChangeIsRecordedOnSigningAndActiveContractsWhichKeepTheirTextAndShownWithTheContract() throws Exception {
        Customer customer = testContracts.customer("签约前名称有限公司");
        Contract draft = contractService.draft(testContracts.request(customer, "30000", 30), "sales1", null)
                .contract();
        Contract signing = contractService.submit(draftFor(customer), "sales1");
        Contract active = activated(contractService.submit(draftFor(customer), "sales1"));
        assertThat(contracts.findById(signing.getId()).orElseThrow().getStatus()).isEqualTo(ContractStatus.SIGNING);
        int signingVersions = documents.versions(signing.getId()).size();
        int activeVersions = documents.versions(active.getId()).size();
        String eventId = "crm-" + UUID.randomUUID();
        String body = """
                {"type": "customer.updated", "creditCode": "%s", "name": "签约后名称有限公司",
                 "contactPhone": "021-55550000"}""".formatted(customer.getCreditCode());

        SignedEvents.Answer answer = events.send("crm", CRM_SECRET, eventId, body);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode effect = answer.body().get("effect");
        assertThat(effect.get("rerendered")).hasSize(1);
        assertThat(effect.at("/rerendered/0/contractNumber").asText()).isEqualTo(draft.getNumber());
        assertThat(effect.get("recordedOn").findValuesAsText("contractNumber"))
                .containsExactly(signing.getNumber(), active.getNumber());
        assertThat(effect.get("recordedOn").findValuesAsText("status")).containsExactly("SIGNING", "ACTIVE");
        assertThat(documents.versions(signing.getId())).as("the text out for signature stays").hasSize(signingVersions);
        assertThat(documents.versions(active.getId())).as("the signed text stays").hasSize(activeVersions);

        ApiClient.Response view = api.send("sales1", "GET", "/api/contracts/" + active.getId(), null, "en");
        assertThat(view.status()).isEqualTo(200);
        JsonNode changes = view.body().get("customerChanges");
        assertThat(changes).hasSize(1);
        assertThat(changes.at("/0/contractStatus").asText()).isEqualTo("ACTIVE");
        assertThat(changes.at("/0/source").asText()).isEqualTo("crm.event");
        assertThat(changes.at("/0/reference").asText()).isEqualTo(eventId);
        assertThat(changes.at("/0/recordedBy").asText()).isEqualTo("integration:crm");
        assertThat(changes.at("/0/changes/0/field").asText()).isEqualTo("name");
        assertThat(changes.at("/0/changes/0/from").asText()).isEqualTo("签约前名称有限公司");
        assertThat(changes.at("/0/changes/0/to").asText()).isEqualTo("签约后名称有限公司");
        assertThat(changes.at("/0/changes/1/field").asText()).isEqualTo("contactPhone");
        assertThat(view.body().at("/customer/name").asText()).isEqualTo("签约后名称有限公司");
        assertThat(api.send("sales1", "GET", "/api/contracts/" + draft.getId(), null, "en").body()
                .get("customerChanges")).isEmpty();

        HttpResponse<String> page = page("/contracts/" + active.getId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Customer changes after the text was fixed")
                .contains("name: 签约前名称有限公司 → 签约后名称有限公司").contains("contactPhone: 010-0000-0000 → 021-55550000")
                .contains("integration:crm (crm.event " + eventId + ")");
        assertThat(page("/contracts/" + draft.getId()).body()).doesNotContain("id=\"customer-changes\"");

        List<Map<String, Object>> audit = jdbc.queryForList("""
                select actor, object_id, before_state, after_state, detail from audit_event
                 where action = 'CONTRACT_CUSTOMER_CHANGE_RECORDED' and object_type = 'contract'
                   and object_id in (?, ?) order by seq""", signing.getId().toString(), active.getId().toString());
        assertThat(audit).hasSize(2);
        assertThat(audit).allSatisfy(row -> {
            assertThat(row.get("actor")).isEqualTo("integration:crm");
            assertThat((String) row.get("before_state")).contains("签约前名称有限公司");
            assertThat((String) row.get("after_state")).contains("签约后名称有限公司").contains("021-55550000");
            assertThat((String) row.get("detail")).contains(eventId);
        });

        SignedEvents.Answer again = events.send("crm", CRM_SECRET, eventId, body);

        assertThat(again.body().get("duplicate").asBoolean()).isTrue();
        assertThat(recorded(active)).as("the same event again records nothing more").isEqualTo(1);
    }

    @Test
    void anEventThatChangesNothingRecordsNothing() throws Exception {
        Customer customer = testContracts.customer("不变客户有限公司");
        Contract signing = contractService.submit(draftFor(customer), "sales1");

        SignedEvents.Answer answer = events.send("crm", CRM_SECRET, "crm-" + UUID.randomUUID(), """
                {"type": "customer.updated", "creditCode": "%s", "name": "不变客户有限公司"}"""
                .formatted(customer.getCreditCode()));

        assertThat(answer.body().at("/effect/customerChanged").asBoolean()).isFalse();
        assertThat(answer.body().at("/effect/recordedOn")).isEmpty();
        assertThat(recorded(signing)).isZero();
    }

    @Test
    void aCreditLimitFromTheCrmIsIgnoredUnlessTheCrmIsTrustedWithCreditData() throws Exception {
        Customer customer = testContracts.customer("信用额度客户有限公司");
        BigDecimal before = customer.getCreditLimit();

        SignedEvents.Answer answer = events.send("crm", CRM_SECRET, "crm-" + UUID.randomUUID(), """
                {"type": "customer.updated", "creditCode": "%s", "creditLimit": "9000000.00"}"""
                .formatted(customer.getCreditCode()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/effect/creditLimitIgnored").asBoolean()).isTrue();
        assertThat(answer.body().at("/effect/customerChanged").asBoolean()).isFalse();
        assertThat(customers.findById(customer.getId()).orElseThrow().getCreditLimit()).isEqualTo(before);
    }

    @Test
    void aNegativeCreditLimitIsRefusedBeforeAnythingIsStored() throws Exception {
        String eventId = "crm-" + UUID.randomUUID();
        SignedEvents.Answer answer = events.send("crm", CRM_SECRET, eventId, """
                {"type": "customer.updated", "creditCode": "%s", "creditLimit": -1}"""
                .formatted(testContracts.customer("负额度客户有限公司").getCreditCode()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().at("/errors/0/field").asText()).isEqualTo("creditLimit");
        assertThat(answer.body().at("/errors/0/message").asText()).isEqualTo("must not be negative");
        assertThat(jdbc.queryForObject("select count(*) from integration_event where event_id = ?", Integer.class,
                eventId)).isZero();
    }

    @Test
    void aTrustedCreditLimitChangeIsRecordedOnTheSignedContractWithItsValuesBeforeAndAfter() throws Exception {
        Customer customer = testContracts.customer("额度变更客户有限公司");
        Contract active = activated(contractService.submit(draftFor(customer), "sales1"));

        Map<String, Object> effect = crm.update(new CustomerUpdate(customer.getCreditCode(), null, null, null, null,
                new BigDecimal("750000.00")), "crm.event", "crm-limit-1", CrmCustomers.CRM_RENDERER);

        assertThat(effect.get("customerChanged")).isEqualTo(true);
        assertThat(customers.findById(customer.getId()).orElseThrow().getCreditLimit())
                .isEqualByComparingTo("750000.00");
        JsonNode changes = api.send("sales1", "GET", "/api/contracts/" + active.getId(), null, "en").body()
                .get("customerChanges");
        assertThat(changes.at("/0/changes/0/field").asText()).isEqualTo("creditLimit");
        assertThat(changes.at("/0/changes/0/to").asText()).isEqualTo("750000.00");
    }

    private Contract draftFor(Customer customer) {
        return contractService.draft(testContracts.request(customer, "20000", 30), "sales1", null).contract();
    }

    /** Fast lane, both sides sign, the start date comes: ACTIVE. */
    private Contract activated(Contract approved) throws Exception {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(approved.getProcessInstanceId()).singleResult();
        Contract signed = signing.signByBoth(instance);
        try {
            signing.startDateComes(instance, signed);
        } finally {
            ClockUtil.reset();
        }
        Contract active = contracts.findById(approved.getId()).orElseThrow();
        assertThat(active.getStatus()).isEqualTo(ContractStatus.ACTIVE);
        return active;
    }

    private HttpResponse<String> page(String path) throws Exception {
        return api.send(api.request("sales1", "GET", path, null, "en").header("Accept", "text/html"),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private int recorded(Contract contract) {
        return jdbc.queryForObject("select count(*) from contract_customer_change where contract_id = ?",
                Integer.class, contract.getId());
    }
}
