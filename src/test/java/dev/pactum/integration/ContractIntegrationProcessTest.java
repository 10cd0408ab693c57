package dev.pactum.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.TestPeers;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.TestContracts;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import dev.pactum.obligation.AfterApprovalContracts;
import dev.pactum.obligation.SigningDriver;
import dev.pactum.contract.MilestoneEvent;
import dev.pactum.contract.MilestonePlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/contract-integration.bpmn against real HTTP peers (WireMock), jobs executed by hand as the job executor
 * would: every path, a peer down for the whole retry window, a peer refusing, a peer that times out after it did
 * the work.
 */
@PactumTest
class ContractIntegrationProcessTest {

    private static final String FINANCE = IntegrationProcess.Element.PUSH_RECEIVABLES_TO_FINANCE;
    private static final String CRM = IntegrationProcess.Element.PUSH_SUMMARY_TO_CRM;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ContractService contractService;
    @Autowired ContractRepository contracts;
    @Autowired TestContracts testContracts;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiClient api;
    @Autowired SigningDriver signing;
    @Autowired AfterApprovalContracts afterApproval;

    private final WireMockServer peers = TestPeers.peers();

    @BeforeEach
    void useEngine() {
        AbstractAssertions.init(engine);
    }

    @Test
    void activationPushesTheReceivablesToFinanceAndTheSummaryToTheCrmOnceEach() throws Exception {
        Contract contract = activated();
        String number = contract.getNumber();
        peers.stubFor(put(financePath(number)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"receivableId\": \"AR-1\"}")));
        peers.stubFor(put(crmPath(number)).willReturn(aResponse().withStatus(200)));
        ProcessInstance run = runOf(number);
        assertThat(run).isWaitingAt(FINANCE, CRM);

        execute(job(run, FINANCE));
        execute(job(run, CRM));

        assertThat(run).isEnded().hasPassed(FINANCE, CRM, IntegrationProcess.Element.PUSHED);
        peers.verify(1, putRequestedFor(urlEqualTo(financePath(number)))
                .withHeader("Idempotency-Key", equalTo(number + ":1:ACTIVE:" + FINANCE))
                .withHeader("Authorization", equalTo("Basic cGFjdHVtOmZpbmFuY2UtcGFzc3dvcmQ="))
                .withRequestBody(matchingJsonPath("$.protocol", equalTo("pactum.receivables.v1")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("ACTIVE")))
                .withRequestBody(matchingJsonPath("$.customer.creditCode",
                        equalTo(contract.getCustomer().getCreditCode())))
                .withRequestBody(matchingJsonPath("$.receivables[?(@.amount == 20000)]"))
                .withRequestBody(matchingJsonPath("$.receivables[0].dueDate",
                        equalTo(contract.getStartDate().plusDays(30).toString()))));
        peers.verify(1, putRequestedFor(urlEqualTo(crmPath(number)))
                .withHeader("Idempotency-Key", equalTo(number + ":1:ACTIVE:" + CRM))
                .withHeader("Authorization", equalTo("Bearer crm-token"))
                .withRequestBody(matchingJsonPath("$.protocol", equalTo("pactum.contract-summary.v1")))
                .withRequestBody(matchingJsonPath("$.owner", equalTo("sales1"))));
        assertThat(jdbc.queryForObject("select finance_answer from integration_run where process_instance_id = ?",
                String.class, run.getId())).contains("AR-1");
    }

    @Test
    void theReceivablesPushedAreThePaymentScheduleWithEachMilestonesResolvedDueDate() throws Exception {
        LocalDate start = AfterApprovalContracts.today().plusDays(30);
        ProcessInstance instance = afterApproval.approved("100000.00", List.of(
                new MilestonePlan(start.plusDays(10), null, null, null, new BigDecimal("30"), "预付款"),
                new MilestonePlan(null, 60, MilestoneEvent.START, new BigDecimal("70000.00"), null, "验收款")));
        Contract contract = contracts.findByProcessInstanceId(instance.getId()).orElseThrow();
        peers.stubFor(put(financePath(contract.getNumber())).willReturn(aResponse().withStatus(201)));
        activate(contract);

        execute(job(runOf(contract.getNumber()), FINANCE));

        peers.verify(1, putRequestedFor(urlEqualTo(financePath(contract.getNumber())))
                .withRequestBody(matchingJsonPath("$.receivables.length()", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.receivables[?(@.sequence == 1 && @.amount == 30000)]"))
                .withRequestBody(matchingJsonPath("$.receivables[0].dueDate", equalTo(start.plusDays(10).toString())))
                .withRequestBody(matchingJsonPath("$.receivables[1].milestoneId", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.receivables[1].dueDate", equalTo(start.plusDays(60).toString())))
                .withRequestBody(matchingJsonPath("$.receivables[1].status", equalTo("OPEN"))));
    }

    @Test
    void aFinancePeerDownForTheWholeRetryWindowBecomesAnIncidentAndRetryPushesItExactlyOnce() throws Exception {
        String number = activated().getNumber();
        peers.stubFor(put(financePath(number)).willReturn(aResponse().withStatus(503).withBody("维护中 maintenance")));
        peers.stubFor(put(crmPath(number)).willReturn(aResponse().withStatus(200)));
        ProcessInstance run = runOf(number);
        execute(job(run, CRM));

        int attempts = 0;
        while (job(run, FINANCE).getRetries() > 0) {
            String jobId = job(run, FINANCE).getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("503");
            attempts++;
        }

        assertThat(attempts).as("the first try and one retry per interval of PT1M,PT2M,PT5M,PT15M,PT30M").isEqualTo(6);
        Incident incident = runtime.createIncidentQuery().processInstanceId(run.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(FINANCE);
        assertThat(incident.getIncidentMessage()).contains("503").contains("维护中 maintenance");
        assertThat(run).isWaitingAt(FINANCE);

        peers.stubFor(put(financePath(number)).willReturn(aResponse().withStatus(201)));
        management.setJobRetries(job(run, FINANCE).getId(), 1); // Cockpit's "retry"
        execute(job(run, FINANCE));

        assertThat(run).isEnded();
        assertThat(runtime.createIncidentQuery().processInstanceId(run.getId()).count()).isZero();
        List<LoggedRequest> calls = peers.findAll(putRequestedFor(urlEqualTo(financePath(number))));
        assertThat(calls).hasSize(7);
        assertThat(calls).extracting(call -> call.getHeader("Idempotency-Key")).containsOnly(
                number + ":1:ACTIVE:" + FINANCE);
        peers.verify(1, putRequestedFor(urlEqualTo(crmPath(number))));
    }

    @Test
    void aPeerThatRefusesTheRequestIsAnIncidentAtOnceWithoutRetries() throws Exception {
        String number = activated().getNumber();
        peers.stubFor(put(financePath(number)).willReturn(aResponse().withStatus(422)
                .withBody("{\"error\": \"customer unknown to finance\"}")));
        ProcessInstance run = runOf(number);

        assertThatThrownBy(() -> management.executeJob(job(run, FINANCE).getId())).hasMessageContaining("422");

        assertThat(job(run, FINANCE).getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(run.getId()).singleResult().getIncidentMessage())
                .contains("422").contains("customer unknown to finance");
        peers.verify(1, putRequestedFor(urlEqualTo(financePath(number))));
    }

    @Test
    void aTimeoutAfterThePeerDidTheWorkIsRetriedWithTheSameKeySoThePeerDoesItOnce() throws Exception {
        String number = activated().getNumber();
        String scenario = "slow finance " + number;
        // The peer takes the receivables but answers after Pactum stopped waiting (3 s in tests); it keeps the key,
        // and the retry with the same key is answered from what it did the first time.
        peers.stubFor(put(financePath(number)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(201).withFixedDelay(5000).withBody("{\"receivableId\": \"AR-7\"}"))
                .willSetStateTo("taken"));
        peers.stubFor(put(financePath(number)).inScenario(scenario).whenScenarioStateIs("taken")
                .withHeader("Idempotency-Key", equalTo(number + ":1:ACTIVE:" + FINANCE))
                .willReturn(aResponse().withStatus(200).withBody("{\"receivableId\": \"AR-7\", \"replayed\": true}")));
        ProcessInstance run = runOf(number);

        assertThatThrownBy(() -> management.executeJob(job(run, FINANCE).getId())).hasMessageContaining("no answer");
        assertThat(job(run, FINANCE).getRetries()).as("five retries left").isEqualTo(5);
        assertThat(runtime.createIncidentQuery().processInstanceId(run.getId()).count()).isZero();

        execute(job(run, FINANCE));

        List<LoggedRequest> calls = peers.findAll(putRequestedFor(urlEqualTo(financePath(number))));
        assertThat(calls).hasSize(2);
        assertThat(calls).extracting(call -> call.getHeader("Idempotency-Key")).containsOnly(
                number + ":1:ACTIVE:" + FINANCE);
        assertThat(jdbc.queryForObject("select finance_answer from integration_run where process_instance_id = ?",
                String.class, run.getId())).contains("\"replayed\": true");
    }

    @Test
    void anApprovalThroughTheEngineRestApiStartsTheRunAsTheSystemNotAsTheApprover() throws Exception {
        Contract contract = contractService.submit(testContracts.draft("sales1", "200000"), "sales1");
        String taskId = api.send("manager1", "GET", "/engine-rest/task?processInstanceBusinessKey="
                + contract.getNumber(), null, null).body().get(0).get("id").asText();
        assertThat(api.send("manager1", "POST", "/engine-rest/task/" + taskId + "/claim",
                "{\"userId\":\"manager1\"}", null).status()).isEqualTo(204);

        assertThat(api.send("manager1", "POST", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}", null).status()).isEqualTo(204);
        activate(contract);

        assertThat(runOf(contract.getNumber())).isWaitingAt(FINANCE, CRM);
    }

    @Test
    void aStatusNobodyFollowsStartsNoRun() {
        Contract inApproval = contractService.submit(testContracts.draft("sales1", "200000"), "sales1");

        assertThat(contracts.findById(inApproval.getId()).orElseThrow().getStatus())
                .isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(IntegrationProcess.KEY)
                .processInstanceBusinessKey(inApproval.getNumber()).count()).isZero();
    }

    @Test
    void aStartThroughTheEngineIsRefusedAndPushesNothing() throws Exception {
        String number = activated().getNumber();

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(IntegrationProcess.KEY, number))
                .hasMessageContaining("pactum.integration.startRefused");

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(IntegrationProcess.KEY)
                .processInstanceBusinessKey(number).count()).isEqualTo(1);
    }

    /** A small standard contract of a new customer takes the fast lane; both sides sign; its start date comes. */
    private Contract activated() throws Exception {
        Contract contract = contractService.submit(testContracts.draft("sales1", "20000.00"), "sales1");
        activate(contract);
        return contract;
    }

    /** An approved contract is signed by both sides and reaches its start date: it becomes ACTIVE. */
    private void activate(Contract approved) throws Exception {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(approved.getProcessInstanceId()).singleResult();
        Contract signed = signing.signByBoth(instance);
        try {
            signing.startDateComes(instance, signed);
        } finally {
            ClockUtil.reset();
        }
        assertThat(contracts.findById(approved.getId()).orElseThrow().getStatus()).isEqualTo(ContractStatus.ACTIVE);
    }

    private ProcessInstance runOf(String number) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(IntegrationProcess.KEY)
                .processInstanceBusinessKey(number).singleResult();
    }

    private Job job(ProcessInstance run, String activityId) {
        return management.createJobQuery().processInstanceId(run.getId()).activityId(activityId).singleResult();
    }

    private void execute(Job job) {
        management.executeJob(job.getId());
    }

    private static String financePath(String number) {
        return "/finance/receivables/" + number;
    }

    private static String crmPath(String number) {
        return "/crm/contracts/" + number;
    }
}
