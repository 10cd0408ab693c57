package dev.pactum.integration;

import static dev.pactum.TestPeers.CRM_SECRET;
import static dev.pactum.TestPeers.FINANCE_SECRET;
import static dev.pactum.TestPeers.PM_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.PactumTest;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.Customer;
import dev.pactum.contract.CustomerRepository;
import dev.pactum.contract.TestContracts;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.document.DocumentVersionInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Signed events from finance, the CRM and the project system, over real HTTP without a user session. */
@PactumTest
class InboundEventsTest {

    @Autowired SignedEvents events;
    @Autowired PublishedIntegrationEvents published;
    @Autowired TestContracts testContracts;
    @Autowired ContractService contractService;
    @Autowired ContractRepository contracts;
    @Autowired CustomerRepository customers;
    @Autowired ContractDocumentService documents;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void aCrmChangeUpdatesTheCustomerAndReRendersItsOpenContractsOnce() throws Exception {
        Customer customer = testContracts.customer("旧名称科技有限公司");
        Contract draft = draftFor(customer, "30000");
        Contract inApproval = contractService.submit(draftFor(customer, "200000"), "sales1");
        Contract active = contractService.submit(draftFor(customer, "20000"), "sales1");
        assertThat(contracts.findById(inApproval.getId()).orElseThrow().getStatus())
                .isEqualTo(ContractStatus.IN_APPROVAL);
        // Approved by the fast lane: out for signature, its approved text is what both sides sign.
        assertThat(contracts.findById(active.getId()).orElseThrow().getStatus()).isEqualTo(ContractStatus.SIGNING);
        int inApprovalVersions = documents.versions(inApproval.getId()).size();
        int activeVersions = documents.versions(active.getId()).size();
        String eventId = "crm-" + UUID.randomUUID();
        String body = """
                {"type": "customer.updated", "creditCode": "%s", "name": "新名称科技有限公司",
                 "contactName": "王经理", "contactEmail": "wang@example.com"}""".formatted(customer.getCreditCode());

        SignedEvents.Answer first = events.send("crm", CRM_SECRET, eventId, body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("duplicate").asBoolean()).isFalse();
        assertThat(first.body().at("/effect/rerendered")).hasSize(2);
        Customer updated = customers.findById(customer.getId()).orElseThrow();
        assertThat(updated.getName()).isEqualTo("新名称科技有限公司");
        assertThat(updated.getContactName()).isEqualTo("王经理");
        assertThat(updated.getContactEmail()).isEqualTo("wang@example.com");
        List<DocumentVersionInfo> draftVersions = documents.versions(draft.getId());
        assertThat(draftVersions).hasSize(1);
        assertThat(documents.versions(inApproval.getId())).hasSize(inApprovalVersions + 1);
        assertThat(new String(documents.latest(inApproval.getId()).orElseThrow().content(), StandardCharsets.ISO_8859_1))
                .isNotEmpty();
        assertThat(documents.versions(active.getId())).as("an approved contract keeps its text")
                .hasSize(activeVersions);

        SignedEvents.Answer again = events.send("crm", CRM_SECRET, eventId, body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("duplicate").asBoolean()).isTrue();
        assertThat(documents.versions(inApproval.getId())).hasSize(inApprovalVersions + 1);
        assertThat(documents.versions(draft.getId())).hasSize(1);
        assertThat(stored(eventId)).isEqualTo(1);
    }

    @Test
    void aBadSignatureIsRefusedWith401AndNothingIsStored() throws Exception {
        String eventId = "bad-" + UUID.randomUUID();
        String body = payment("HT-2026-999999", "100.00");
        String timestamp = now();
        String wrongSecret = Signatures.sign("not-the-secret", timestamp, body.getBytes(StandardCharsets.UTF_8));

        SignedEvents.Answer answer = events.send("finance", eventId, timestamp, wrongSecret, body);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asText()).isEqualTo("https://pactum.dev/problems/unauthorized");
        assertThat(answer.body().get("detail").asText()).contains("signature is wrong");
        assertThat(stored(eventId)).isZero();
        assertThat(published.payments(eventId)).isEmpty();
    }

    @Test
    void aSignatureOverAnotherBodyOrAnotherSecretPeerIsRefused() throws Exception {
        String timestamp = now();
        String signed = payment("HT-2026-999999", "100.00");
        String tampered = payment("HT-2026-999999", "100000.00");
        String signature = Signatures.sign(FINANCE_SECRET, timestamp, signed.getBytes(StandardCharsets.UTF_8));

        assertThat(events.send("finance", "tamper-" + UUID.randomUUID(), timestamp, signature, tampered).status())
                .isEqualTo(401);
        // The CRM's secret does not speak for finance.
        assertThat(events.send("finance", CRM_SECRET, "crm-as-finance-" + UUID.randomUUID(), signed).status())
                .isEqualTo(401);
        assertThat(events.send("finance", null, timestamp, signature, signed).status()).isEqualTo(401);
    }

    @Test
    void aTimestampOlderThanFiveMinutesIsAReplayRefusedWith401() throws Exception {
        String eventId = "stale-" + UUID.randomUUID();
        String body = payment("HT-2026-999999", "100.00");
        String sixMinutesAgo = String.valueOf(clock.instant().getEpochSecond() - 6 * 60);
        String fourMinutesAgo = String.valueOf(clock.instant().getEpochSecond() - 4 * 60);

        SignedEvents.Answer stale = events.send("finance", eventId, sixMinutesAgo,
                Signatures.sign(FINANCE_SECRET, sixMinutesAgo, body.getBytes(StandardCharsets.UTF_8)), body);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.body().get("detail").asText()).contains("5 minutes");
        assertThat(stored(eventId)).isZero();

        SignedEvents.Answer recent = events.send("finance", eventId, fourMinutesAgo,
                Signatures.sign(FINANCE_SECRET, fourMinutesAgo, body.getBytes(StandardCharsets.UTF_8)), body);
        assertThat(recent.status()).isEqualTo(200);
    }

    @Test
    void aPaymentIsPublishedOnceEvenWhenSentAgainOrReplayedUnderAnotherId() throws Exception {
        Contract contract = draftFor(testContracts.customer("付款客户有限公司"), "30000");
        String eventId = "pay-" + UUID.randomUUID();
        String body = payment(contract.getNumber(), "12345.67");
        String timestamp = now();
        String signature = Signatures.sign(FINANCE_SECRET, timestamp, body.getBytes(StandardCharsets.UTF_8));

        SignedEvents.Answer first = events.send("finance", eventId, timestamp, signature, body);
        SignedEvents.Answer retried = events.send("finance", eventId, now(), null, body);
        SignedEvents.Answer resent = events.send("finance", FINANCE_SECRET, eventId, body);
        SignedEvents.Answer replayed = events.send("finance", "other-" + UUID.randomUUID(), timestamp, signature, body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retried.status()).as("unsigned").isEqualTo(401);
        assertThat(resent.body().get("duplicate").asBoolean()).isTrue();
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body().get("duplicate").asBoolean()).isTrue();
        assertThat(published.payments(eventId)).singleElement().satisfies(payment -> {
            assertThat(payment.contractId()).isEqualTo(contract.getId());
            assertThat(payment.amount()).isEqualByComparingTo("12345.67");
            assertThat(payment.currency()).isEqualTo("CNY");
            assertThat(payment.paidOn()).hasToString("2026-12-20");
            assertThat(payment.reference()).isEqualTo("BANK-REF-001");
        });
        assertThat(jdbc.queryForObject("select count(*) from integration_event where body ->> 'contractNumber' = ?",
                Integer.class, contract.getNumber())).isEqualTo(1);
    }

    @Test
    void aPaymentForAnUnknownContractIsKeptForFinanceToMatch() throws Exception {
        String eventId = "unmatched-" + UUID.randomUUID();

        SignedEvents.Answer answer = events.send("finance", FINANCE_SECRET, eventId, payment("HT-1999-000001", "5"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/effect/contractMatched").asBoolean()).isFalse();
        assertThat(published.payments(eventId)).singleElement()
                .satisfies(payment -> assertThat(payment.contractId()).isNull());
    }

    @Test
    void aMilestoneOfAnUnknownContractIsRefusedAndStoredAsFailedThenAcceptedOnceTheNumberIsRight() throws Exception {
        Contract contract = draftFor(testContracts.customer("项目客户有限公司"), "30000");
        String unknown = "pm-" + UUID.randomUUID();

        SignedEvents.Answer refused = events.send("pm", PM_SECRET, unknown, milestone("HT-1999-000002"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("detail").asText()).contains("HT-1999-000002");
        assertThat(jdbc.queryForObject("select status from integration_event where event_id = ?", String.class,
                unknown)).isEqualTo("FAILED");
        assertThat(published.acceptances(unknown)).isEmpty();

        String eventId = "pm-" + UUID.randomUUID();
        SignedEvents.Answer accepted = events.send("pm", PM_SECRET, eventId, milestone(contract.getNumber()));

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(published.acceptances(eventId)).singleElement().satisfies(acceptance -> {
            assertThat(acceptance.contractId()).isEqualTo(contract.getId());
            assertThat(acceptance.projectId()).isEqualTo("PRJ-42");
            assertThat(acceptance.acceptedOn()).hasToString("2026-12-15");
        });
    }

    @Test
    void badFieldsAreA400NamingEachFieldAndAreNotStored() throws Exception {
        String eventId = "invalid-" + UUID.randomUUID();
        String body = """
                {"type": "payment.received", "amount": -3, "paidOn": "20.12.2026"}""";

        SignedEvents.Answer answer = events.send("finance", FINANCE_SECRET, eventId, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().findValuesAsText("field"))
                .containsExactlyInAnyOrder("contractNumber", "amount", "paidOn", "reference");
        assertThat(stored(eventId)).isZero();

        SignedEvents.Answer wrongPeer = events.send("crm", CRM_SECRET, eventId, payment("HT-2026-000001", "1"));
        assertThat(wrongPeer.status()).isEqualTo(400);
        assertThat(wrongPeer.body().findValuesAsText("field")).contains("type");
    }

    @Test
    void anUnknownPeerIsNotFound() throws Exception {
        assertThat(events.send("erp", FINANCE_SECRET, "x-" + UUID.randomUUID(), payment("HT-2026-000001", "1"))
                .status()).isEqualTo(404);
    }

    private Contract draftFor(Customer customer, String amount) {
        return contractService.draft(testContracts.request(customer, amount, 30), "sales1", null).contract();
    }

    private String now() {
        return String.valueOf(clock.instant().getEpochSecond());
    }

    private int stored(String eventId) {
        return jdbc.queryForObject("select count(*) from integration_event where event_id = ?", Integer.class,
                eventId);
    }

    private static String payment(String contractNumber, String amount) {
        return """
                {"type": "payment.received", "contractNumber": "%s", "amount": %s, "paidOn": "2026-12-20",
                 "reference": "BANK-REF-001"}""".formatted(contractNumber, amount);
    }

    private static String milestone(String contractNumber) {
        return """
                {"type": "milestone.accepted", "contractNumber": "%s", "projectId": "PRJ-42",
                 "acceptedOn": "2026-12-15"}""".formatted(contractNumber);
    }
}
