package dev.pactum.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.TestPeers;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.calendar.BusinessCalendar;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractTerms;
import dev.pactum.obligation.AfterApprovalContracts;
import dev.pactum.obligation.SigningDriver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contract's summary reaches the CRM on each change of its life the CRM is told of: activation, renewal (the
 * term renewed by itself, or the contract renewed by a successor) and termination, each as its own run with its own
 * idempotency key, the status and the status it left.
 */
@PactumTest
class CrmSummaryPushesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CRM = IntegrationProcess.Element.PUSH_SUMMARY_TO_CRM;

    @Autowired AfterApprovalContracts afterApproval;
    @Autowired SigningDriver signing;
    @Autowired ContractProcessDriver driver;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired BusinessCalendar calendar;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;

    private final WireMockServer peers = TestPeers.peers();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void activationThenTerminationPushTheSummaryEachTime() throws Exception {
        Contract contract = driver.contract(active(false));
        stubCrm(contract);

        pushSummary(contract, "ACTIVE");
        ApiClient.Response terminated = api.send("manager1", "POST", "/api/contracts/" + contract.getId()
                + "/terminate", "{\"reason\": \"客户违约，双方协商解除\"}", "en");
        assertThat(terminated.status()).as("%s", terminated.body()).isLessThan(300);
        pushSummary(contract, "TERMINATED");

        verifyPushed(contract, 1, "ACTIVE", null);
        verifyPushed(contract, 2, "TERMINATED", "ACTIVE");
    }

    @Test
    void aTermThatRenewsItselfPushesTheSummaryWithTheNewEndDate() throws Exception {
        ProcessInstance instance = active(true);
        Contract contract = driver.contract(instance);
        LocalDate deadline = workingDayOnOrBefore(contract.getEndDate().minusDays(60));
        stubCrm(contract);
        ClockUtil.setCurrentTime(Date.from(at(deadline.minusDays(90))));
        signing.execute(instance, "awaitRenewalWindow");
        ClockUtil.setCurrentTime(Date.from(at(deadline.plusDays(1))));
        signing.execute(instance, "noticeDeadlinePassed");
        Contract renewed = driver.contract(instance);
        assertThat(renewed.getStatus()).isEqualTo(ContractStatus.ACTIVE);

        pushSummary(contract, "ACTIVE", "EXPIRING");

        peers.verify(1, putRequestedFor(urlEqualTo("/crm/contracts/" + contract.getNumber()))
                .withHeader("Idempotency-Key", equalTo(contract.getNumber() + ":2:ACTIVE:" + CRM))
                .withRequestBody(matchingJsonPath("$.previousStatus", equalTo("EXPIRING")))
                .withRequestBody(matchingJsonPath("$.endDate", equalTo(renewed.getEndDate().toString()))));
    }

    @Test
    void aContractRenewedByItsSuccessorPushesRenewedAtTheEndOfItsTerm() throws Exception {
        ProcessInstance instance = active(false);
        Contract contract = driver.contract(instance);
        stubCrm(contract);
        ClockUtil.setCurrentTime(Date.from(at(workingDayOnOrBefore(contract.getEndDate().minusDays(60))
                .minusDays(90))));
        signing.execute(instance, "awaitRenewalWindow");
        String task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("decideRenewal")
                .singleResult().getId();
        assertThat(api.send("sales1", "POST", "/engine-rest/task/" + task + "/submit-form",
                "{\"variables\": {\"renewalDecision\": {\"value\": \"renew\"}}}", "en").status()).isEqualTo(204);
        String successor = jdbc.queryForObject("select process_instance_id from contract where renewal_of_id = ?",
                String.class, contract.getId());
        driver.decide(runtime.createProcessInstanceQuery().processInstanceId(successor).singleResult(), "manager1",
                "approve", null);
        ClockUtil.setCurrentTime(Date.from(contract.getEndDate().plusDays(1).atStartOfDay(ZONE).toInstant()));
        signing.execute(instance, "awaitRenewedTermEnd");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.RENEWED);

        pushSummary(contract, "RENEWED");

        verifyPushed(contract, 2, "RENEWED", "EXPIRING");
    }

    /** Approved with a 60-day notice and a 12-month renewal term; signed by both; its start date came. */
    private ProcessInstance active(boolean autoRenew) throws Exception {
        ProcessInstance instance = afterApproval.approved(afterApproval.request(afterApproval.customer(), "100000",
                List.of(), new ContractTerms(new BigDecimal("100000"), autoRenew, 60, null, 12, null)));
        Contract signed = signing.signByBoth(instance);
        signing.startDateComes(instance, signed);
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.ACTIVE);
        return instance;
    }

    private void stubCrm(Contract contract) {
        peers.stubFor(put(urlEqualTo("/crm/contracts/" + contract.getNumber())).willReturn(aResponse().withStatus(200)));
    }

    private void pushSummary(Contract contract, String status) {
        pushSummary(contract, status, null);
    }

    /** Runs the CRM step of the run started for the contract's entry into {@code status} (from {@code from}). */
    private void pushSummary(Contract contract, String status, String from) {
        String run = jdbc.queryForObject("""
                select process_instance_id from integration_run
                 where contract_number = ? and status_to = ? and (cast(? as varchar) is null or status_from = ?)
                 order by sequence desc limit 1""", String.class, contract.getNumber(), status, from, from);
        Job job = management.createJobQuery().processInstanceId(run).activityId(CRM).singleResult();
        management.executeJob(job.getId());
    }

    private void verifyPushed(Contract contract, int run, String status, String previousStatus) {
        peers.verify(1, putRequestedFor(urlEqualTo("/crm/contracts/" + contract.getNumber()))
                .withHeader("Idempotency-Key", equalTo(contract.getNumber() + ":" + run + ":" + status + ":" + CRM))
                .withRequestBody(matchingJsonPath("$.protocol", equalTo("pactum.contract-summary.v1")))
                .withRequestBody(matchingJsonPath("$.status", equalTo(status)))
                .withRequestBody(previousStatus == null ? matchingJsonPath("$.contractNumber")
                        : matchingJsonPath("$.previousStatus", equalTo(previousStatus))));
    }

    private LocalDate workingDayOnOrBefore(LocalDate day) {
        LocalDate working = day;
        while (!calendar.isWorkingDay(working)) {
            working = working.minusDays(1);
        }
        return working;
    }

    private static java.time.Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant();
    }
}
