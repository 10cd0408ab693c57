package dev.pactum.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.MilestoneEvent;
import dev.pactum.contract.MilestonePlan;
import dev.pactum.contract.NewContract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An amendment (补充协议) carrying a new payment schedule: checked (paid milestones stay, the schedule adds up to the
 * new amount), routed by the rules, and on approval followed by the lifecycle: withdrawn milestones end with their
 * timers, new ones start as instances of "Payment milestone" and run to OVERDUE and PAID like the others.
 */
@PactumTest
class MilestoneAmendmentProcessTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> APPROVER = Map.of("sales-managers", "manager1", "finance", "finance1",
            "legal", "legal1", "directors", "director1");

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired AfterApprovalContracts afterApproval;
    @Autowired SigningDriver signing;
    @Autowired ContractProcessDriver driver;
    @Autowired ApiClient api;

    @BeforeEach
    void useEngine() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anApprovedScheduleWithdrawsTheChangedAndRemovedMilestonesAndStartsTheNewOnesPaidOnesStay() throws Exception {
        LocalDate start = AfterApprovalContracts.today().plusDays(30);
        ProcessInstance lifecycle = active(start, List.of(
                new MilestonePlan(start.plusDays(20), null, null, new BigDecimal("30000"), null, "首付款"),
                new MilestonePlan(start.plusDays(60), null, null, new BigDecimal("30000"), null, "进度款"),
                new MilestonePlan(null, 30, MilestoneEvent.ACCEPTANCE, new BigDecimal("40000"), null, "验收款",
                        "PRJ-AMEND")));
        Contract contract = driver.contract(lifecycle);
        assertThat(pay(contract, 1, "30000", start).status()).isEqualTo(201);

        ApiClient.Response noSchedule = amend(contract, "{\"reason\": \"增项\", \"amount\": 110000}");
        assertThat(noSchedule.fields()).containsExactly("amount");
        assertThat(noSchedule.body().toString()).contains("must bring the new schedule");
        ApiClient.Response paidRemoved = amend(contract, """
                {"reason": "增项", "amount": 110000, "milestones": [
                  {"dueDate": "%s", "amount": 110000, "description": "一次付清"}]}""".formatted(start.plusDays(90)));
        assertThat(paidRemoved.fields()).containsExactly("milestones");
        assertThat(paidRemoved.body().toString()).contains("milestone 1 has money received");
        ApiClient.Response paidChanged = amend(contract, schedule(start, "25000", "105000"));
        assertThat(paidChanged.fields()).containsExactly("milestones[0]");
        ApiClient.Response notAddingUp = amend(contract, schedule(start, "30000", "120000"));
        assertThat(notAddingUp.fields()).containsExactly("milestones");
        assertThat(notAddingUp.body().toString()).contains("adds up to 110000", "120000");

        ApiClient.Response requested = amend(contract, schedule(start, "30000", "110000"));
        assertThat(requested.status()).as("%s", requested.body()).isEqualTo(201);
        assertThat(requested.body().at("/milestones").findValuesAsText("id")).containsExactly("1", "4", "5");
        assertThat(requested.body().at("/previousMilestones").size()).isEqualTo(3);
        assertThat(driver.contract(lifecycle).getMilestones()).hasSize(3);

        ProcessInstance amendment = approveAll(contract);
        assertThat(amendment).isEnded().hasPassed("applyAmendment", "followPaymentSchedule");
        assertThat(lifecycle).isWaitingAt("awaitPayment", "awaitRenewalWindow");
        JsonNode milestones = get(contract).at("/milestones");
        assertThat(milestones.findValuesAsText("id")).containsExactly("1", "4", "5", "2", "3");
        assertThat(milestones.findValuesAsText("status")).containsExactly("PAID", "OPEN", "OPEN", "CANCELLED",
                "CANCELLED");
        assertThat(milestones.at("/1/dueDate").asText()).isEqualTo(start.plusDays(90).toString());
        assertThat(management.createJobQuery().processInstanceId(lifecycle.getId()).activityId("paymentOverdue")
                .count()).as("the withdrawn milestones' timers are gone").isEqualTo(2);

        LocalDate due = start.plusDays(90);
        ClockUtil.setCurrentTime(Date.from(due.plusDays(1).atStartOfDay(ZONE).toInstant()));
        Job overdue = management.createJobQuery().processInstanceId(lifecycle.getId()).activityId("paymentOverdue")
                .orderByJobDuedate().asc().list().get(0);
        management.executeJob(overdue.getId());
        assertThat(get(contract).at("/milestones/1/status").asText()).isEqualTo("OVERDUE");

        assertThat(pay(contract, 4, "30000", due.plusDays(1)).status()).isEqualTo(201);
        assertThat(pay(contract, 5, "50000", due.plusDays(1)).status()).isEqualTo(201);
        assertThat(lifecycle).as("every milestone settled: the multi-instance is done")
                .isWaitingAt("awaitRenewalWindow");
        assertThat(runtime.createExecutionQuery().processInstanceId(lifecycle.getId()).activityId("awaitPayment")
                .count()).isZero();
    }

    @Test
    void aMilestoneAddedAfterEveryOtherWasPaidStartsTheMilestonesAnewAndTheTermStillWaitsForIt() throws Exception {
        LocalDate start = AfterApprovalContracts.today().plusDays(30);
        ProcessInstance lifecycle = active(start, List.of(
                new MilestonePlan(start.plusDays(20), null, null, new BigDecimal("100000"), null, "全款")));
        Contract contract = driver.contract(lifecycle);
        assertThat(pay(contract, 1, "100000", start).status()).isEqualTo(201);
        assertThat(lifecycle).isWaitingAt("obligationsJoin", "awaitRenewalWindow");

        ApiClient.Response requested = amend(contract, """
                {"reason": "追加服务", "amount": 105000, "milestones": [
                  {"id": 1, "dueDate": "%s", "amount": 100000, "description": "全款"},
                  {"dueDate": "%s", "amount": 5000, "description": "追加服务费"}]}"""
                .formatted(start.plusDays(20), start.plusDays(45)));
        assertThat(requested.status()).as("%s", requested.body()).isEqualTo(201);
        approveAll(contract);

        assertThat(lifecycle).isWaitingAt("awaitPayment", "awaitRenewalWindow");
        assertThat(get(contract).at("/milestones/1/status").asText()).isEqualTo("OPEN");
        assertThat(pay(contract, 2, "5000", start).status()).isEqualTo(201);
        assertThat(lifecycle).as("one token from the milestones at the join again, the term's still to come")
                .isWaitingAt("obligationsJoin", "awaitRenewalWindow");
        assertThat(runtime.createExecutionQuery().processInstanceId(lifecycle.getId()).activityId("obligationsJoin")
                .count()).isOne();
    }

    private static String schedule(LocalDate start, String first, String amount) {
        return """
                {"reason": "增加交付范围", "amount": %s, "milestones": [
                  {"id": 1, "dueDate": "%s", "amount": %s, "description": "首付款"},
                  {"id": 2, "dueDate": "%s", "amount": 30000, "description": "进度款"},
                  {"dueDate": "%s", "amount": 50000, "description": "增项款"}]}"""
                .formatted(amount, start.plusDays(20), first, start.plusDays(90), start.plusDays(120));
    }

    private ProcessInstance active(LocalDate start, List<MilestonePlan> milestones) throws Exception {
        ProcessInstance instance = afterApproval.approved(new NewContract("sales-standard",
                afterApproval.customer().getId(), "补充协议回款", ContractType.SALES, new BigDecimal("100000"), "CNY",
                start, start.plusYears(1).minusDays(1), 30, Map.of(),
                new ContractTerms(new BigDecimal("100000"), false, 30, null), null, milestones, null));
        Contract signed = signing.signByBoth(instance);
        signing.startDateComes(instance, signed);
        return instance;
    }

    /** Every open approval task of the contract's amendment, approved by a member of its group, until it ends. */
    private ProcessInstance approveAll(Contract contract) {
        ProcessInstance amendment = runtime.createProcessInstanceQuery().processDefinitionKey("contractAmendment")
                .processInstanceBusinessKey(contract.getNumber()).active().singleResult();
        for (int round = 0; round < 10; round++) {
            List<Task> open = tasks.createTaskQuery().processInstanceId(amendment.getId()).list();
            if (open.isEmpty()) {
                break;
            }
            for (Task task : open) {
                String group = tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                        .filter(APPROVER::containsKey).findFirst().orElseThrow();
                driver.approve(amendment, group, APPROVER.get(group));
            }
        }
        return amendment;
    }

    private ApiClient.Response amend(Contract contract, String body) throws Exception {
        return api.send("sales1", "POST", "/api/contracts/" + contract.getId() + "/amendments", body, "en");
    }

    private ApiClient.Response pay(Contract contract, int milestone, String amount, LocalDate paidOn)
            throws Exception {
        return api.send("finance1", "POST", "/api/contracts/" + contract.getId() + "/payments", """
                {"milestoneId": %d, "amount": %s, "paidOn": "%s", "reference": "银行流水 %d-%s"}"""
                .formatted(milestone, amount, paidOn, milestone, amount), "en");
    }

    private JsonNode get(Contract contract) throws Exception {
        ApiClient.Response response = api.send("sales1", "GET", "/api/contracts/" + contract.getId(), null, "en");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}
