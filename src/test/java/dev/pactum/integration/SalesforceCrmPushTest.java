package dev.pactum.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pactum.PactumTest;
import dev.pactum.TestPeers;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.TestContracts;
import dev.pactum.obligation.SigningDriver;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CRM step {@code pushSummaryToCrm} speaking Salesforce for a real activated contract: the shared context speaks
 * the generic protocol, so the step is made here with the context's own collaborators and a Salesforce protocol
 * setting, and run for the contract's real integration run (as the engine would, in a transaction).
 */
@PactumTest
class SalesforceCrmPushTest {

    @Autowired IntegrationProperties properties;
    @Autowired IntegrationRuns runs;
    @Autowired ContractQueries contracts;
    @Autowired PeerClient client;
    @Autowired OutboundMessages messages;
    @Autowired ObjectMapper json;
    @Autowired Clock clock;
    @Autowired ContractService contractService;
    @Autowired TestContracts testContracts;
    @Autowired SigningDriver signing;
    @Autowired RuntimeService runtime;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    private final WireMockServer peers = TestPeers.peers();

    @Test
    void theCrmStepUpsertsTheActivatedContractsAccountAndOpportunityInsteadOfTheGenericPut() throws Exception {
        Contract contract = contractService.submit(testContracts.draft("sales1", "20000.00"), "sales1");
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery()
                .processInstanceId(contract.getProcessInstanceId()).singleResult();
        Contract signed = signing.signByBoth(lifecycle);
        try {
            signing.startDateComes(lifecycle, signed);
        } finally {
            ClockUtil.reset();
        }
        String base = "http://127.0.0.1:" + peers.port() + "/sf";
        String creditCode = contract.getCustomer().getCreditCode();
        String account = "/sf/services/data/v62.0/sobjects/Account/Pactum_Credit_Code__c/" + creditCode;
        String opportunity = "/sf/services/data/v62.0/sobjects/Opportunity/Pactum_Contract_Number__c/"
                + contract.getNumber();
        peers.stubFor(post(urlEqualTo("/sf/services/oauth2/token")).willReturn(okJson("""
                {"access_token": "sf-token", "instance_url": "%s", "token_type": "Bearer", "scope": "api"}"""
                .formatted(base))));
        peers.stubFor(patch(urlEqualTo(account)).willReturn(okJson("{\"id\": \"001A\", \"created\": false}")));
        peers.stubFor(patch(urlEqualTo(opportunity)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"006B\", \"errors\": [], \"success\": true, \"created\": true}")));
        CrmAdapterProperties.Salesforce salesforce = new CrmAdapterProperties.Salesforce(
                CrmAdapterProperties.SalesforceFlow.CLIENT_CREDENTIALS, "3MVG9-pactum", "s3cret", null, null,
                "https://login.salesforce.com", null, "v62.0", Duration.ofHours(1), "Account",
                "Pactum_Credit_Code__c", "Opportunity", "Pactum_Contract_Number__c", null, null, null);
        PushSummaryToCrm step = new PushSummaryToCrm(properties, runs, contracts, client, messages,
                new CrmAdapterProperties(CrmProtocol.SALESFORCE, false, salesforce),
                new SalesforceUpserts(new SalesforceApi(Duration.ofSeconds(2), Duration.ofSeconds(5), json, clock),
                        json, clock));
        String runId = jdbc.queryForObject("select process_instance_id from integration_run where contract_id = ?",
                String.class, contract.getId());
        IntegrationProperties.Peer crm = new IntegrationProperties.Peer(true, URI.create(base), null, null, null,
                null);

        String answer = transactions.execute(status -> {
            IntegrationRuns.Run run = runs.of(runId);
            return step.deliver(crm, contracts.get(run.contractId()), run,
                    run.idempotencyKey(IntegrationProcess.Element.PUSH_SUMMARY_TO_CRM));
        });

        Contract active = transactions.execute(status -> {
            Contract reread = contracts.get(contract.getId());
            reread.getCustomer().getName();
            return reread;
        });
        assertThat(active.getStatus()).isEqualTo(ContractStatus.ACTIVE);
        peers.verify(1, patchRequestedFor(urlEqualTo(account)).withHeader("Authorization", equalTo("Bearer sf-token"))
                .withRequestBody(equalToJson("{\"Name\": \"" + active.getCustomer().getName() + "\"}", true, true)));
        peers.verify(1, patchRequestedFor(urlEqualTo(opportunity)).withRequestBody(equalToJson("""
                {"Name": "%s", "StageName": "Closed Won", "CloseDate": "%s", "Amount": 20000.00,
                 "Account": {"Pactum_Credit_Code__c": "%s"}}""".formatted(active.getTitle(), active.getStartDate(),
                creditCode), true, true)));
        peers.verify(0, putRequestedFor(urlEqualTo("/crm/contracts/" + contract.getNumber())));
        assertThat(json.readTree(answer).at("/opportunity/created").asBoolean()).isTrue();
        assertThat(json.readTree(answer).at("/account/id").asText()).isEqualTo("001A");
    }
}
