package dev.pactum.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dev.pactum.PactumTest;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.Customer;
import dev.pactum.contract.NewContract;
import dev.pactum.contract.TestContracts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Paths through the approval levels that the lifecycle tests do not take: sent back from a later level or from a
 * countersign (会签) level, rejected by the last level, a revision that crosses a routing threshold, and a
 * contract in a foreign currency, routed on its amount in CNY.
 */
@PactumTest
class ApprovalPathsProcessTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String FAST_LANE_RULE = "Fast lane: unmodified standard template under 50,000 CNY with low risk";

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ContractService contractService;
    @Autowired TestContracts testContracts;
    @Autowired ContractProcessDriver driver;
    @Autowired ApprovalLevelRepository levels;
    @Autowired ApprovalRoundRepository rounds;

    @BeforeEach
    void useEngine() {
        AbstractAssertions.init(engine);
        // Monday 7 Dec 2026, 09:00 in Shanghai: a plain working week.
        ClockUtil.setCurrentTime(date("2026-12-07T09:00"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void sentBackAtLevel2TheOwnerRevisesAndRound2StartsAgainAtLevel1WithAFreshSla() {
        // 600,000: level 1 a sales manager, level 2 legal.
        ProcessInstance instance = driver.submit("sales1", "600000.00");
        driver.approve(instance, "sales-managers", "manager1");
        assertThat(task(instance)).hasCandidateGroup("legal");

        decide(instance, "legal", "legal1", "revise", "责任条款需要上限");

        assertThat(instance).isWaitingAt("reviseContract");
        assertThat(task(instance)).isAssignedTo("sales1");
        assertThat(instance).variables().containsEntry("approverComment", "责任条款需要上限");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.REVISING);
        assertThat(driver.levelStates(instance)).containsExactly(ApprovalLevelState.APPROVED, ApprovalLevelState.REVISE);

        // The owner revises the next day at 14:00: the new round's SLA counts from then.
        ClockUtil.setCurrentTime(date("2026-12-08T14:00"));
        tasks.complete(task(instance).getId(), Map.of("revisionTitle", "责任有上限的销售合同"));

        assertThat(instance).isWaitingAt("approveContract");
        assertThat(task(instance)).hasCandidateGroup("sales-managers");
        Contract revised = driver.contract(instance);
        assertThat(revised.getApprovalRound()).isEqualTo(2);
        assertThat(revised.getStatus()).isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(driver.levelStates(instance)).containsExactly(ApprovalLevelState.ACTIVE, ApprovalLevelState.PENDING);
        assertThat(job("approvalSlaBreached", instance).getDuedate()).isEqualTo(date("2026-12-09T14:00"));
        assertThat(levels(revised, 1)).extracting(ApprovalLevelEntry::getState)
                .as("round 1 stays as it was decided")
                .containsExactly(ApprovalLevelState.APPROVED, ApprovalLevelState.REVISE);

        driver.approve(instance, "sales-managers", "manager2");
        driver.approve(instance, "legal", "legal2");
        assertThat(instance).isWaitingAt("signAsCompany").hasPassed("releaseForSigning");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.SIGNING);
    }

    @Test
    void oneCountersignerSendingItBackClosesTheOtherTaskAndReturnsItToTheOwner() {
        // 1,000,000: level 2 is legal and finance together (会签).
        ProcessInstance instance = driver.submit("sales1", "1000000.00");
        driver.approve(instance, "sales-managers", "manager1");
        Task legal = groupTask(instance, "legal");

        decide(instance, "finance", "finance1", "revise", "回款计划请分三期");

        assertThat(instance).isWaitingAt("reviseContract");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).list()).singleElement()
                .satisfies(task -> assertThat(task.getTaskDefinitionKey()).isEqualTo("reviseContract"));
        assertThat(history.createHistoricTaskInstanceQuery().taskId(legal.getId()).singleResult().getDeleteReason())
                .as("legal's task was closed undecided").isNotEqualTo("completed");
        Contract contract = driver.contract(instance);
        assertThat(contract.getStatus()).isEqualTo(ContractStatus.REVISING);
        assertThat(driver.levelStates(instance)).containsExactly(ApprovalLevelState.APPROVED, ApprovalLevelState.REVISE);
        assertThat(driver.decisions(contract)).extracting(ApprovalDecision::getDecidedBy, ApprovalDecision::getDecision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("manager1", Decision.APPROVE),
                        org.assertj.core.groups.Tuple.tuple("finance1", Decision.REVISE));

        tasks.complete(task(instance).getId(), Map.of("revisionPaymentTermDays", 20L));

        assertThat(task(instance)).hasCandidateGroup("sales-managers");
        driver.approve(instance, "sales-managers", "manager1");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).list()).hasSize(2);
        driver.approve(instance, "legal", "legal1");
        driver.approve(instance, "finance", "finance1");
        assertThat(instance).isWaitingAt("signAsCompany").hasPassed("releaseForSigning");
    }

    @Test
    void aCountersignerSendingItBackAfterTheOtherApprovedStillReturnsItToTheOwner() {
        ProcessInstance instance = driver.submit("sales1", "1000000.00");
        driver.approve(instance, "sales-managers", "manager1");
        driver.approve(instance, "legal", "legal1");

        decide(instance, "finance", "finance1", "revise", "付款期限太长");

        assertThat(instance).isWaitingAt("reviseContract");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.REVISING);
        assertThat(driver.levelStates(instance)).containsExactly(ApprovalLevelState.APPROVED, ApprovalLevelState.REVISE);
    }

    @Test
    void aDirectorRejectingAtTheLastLevelClosesTheContractAsRejected() {
        // 5,000,000: a manager, legal and finance (会签), then a director.
        ProcessInstance instance = driver.submit("sales1", "5000000.00");
        driver.approve(instance, "sales-managers", "manager1");
        driver.approve(instance, "legal", "legal1");
        driver.approve(instance, "finance", "finance1");
        assertThat(task(instance)).hasCandidateGroup("directors");

        decide(instance, "directors", "director1", "reject", "战略上不做这单");

        assertThat(instance).isEnded().hasPassed("rejectContract").hasNotPassed("activateContract");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.REJECTED);
        assertThat(driver.levelStates(instance)).containsExactly(ApprovalLevelState.APPROVED,
                ApprovalLevelState.APPROVED, ApprovalLevelState.REJECTED);
        assertThat(driver.decisions(driver.contract(instance))).last()
                .satisfies(decision -> {
                    assertThat(decision.getDecidedBy()).isEqualTo("director1");
                    assertThat(decision.getDecision()).isEqualTo(Decision.REJECT);
                    assertThat(decision.getComment()).isEqualTo("战略上不做这单");
                });
    }

    @Test
    void aRevisionAboveAThresholdIsRoutedAgainWithTheLevelsItNowNeeds() {
        ProcessInstance instance = driver.submit("sales1", "300000.00");
        assertThat(driver.levelStates(instance)).containsExactly(ApprovalLevelState.ACTIVE);
        decide(instance, "sales-managers", "manager1", "revise", "金额应为一百二十万");

        tasks.complete(task(instance).getId(), Map.of("revisionAmount", "1200000.00"));

        Contract revised = driver.contract(instance);
        assertThat(revised.getApprovalRound()).isEqualTo(2);
        assertThat(levels(revised, 2)).extracting(ApprovalLevelEntry::getMode, ApprovalLevelEntry::getGroups)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ApprovalMode.ANY, List.of("sales-managers")),
                        org.assertj.core.groups.Tuple.tuple(ApprovalMode.ALL, List.of("finance", "legal")));
        assertThat(levels(revised, 1)).hasSize(1);
        driver.approve(instance, "sales-managers", "manager1");
        assertThat(instance).isWaitingAt("approveContract");
        driver.approve(instance, "finance", "finance1");
        driver.approve(instance, "legal", "legal1");
        assertThat(instance).isWaitingAt("signAsCompany").hasPassed("releaseForSigning");
    }

    @Test
    void aRevisionBelowAThresholdIsRoutedAgainWithFewerLevels() {
        ProcessInstance instance = driver.submit("sales1", "600000.00");
        driver.approve(instance, "sales-managers", "manager1");
        decide(instance, "legal", "legal1", "revise", "请按报价单改为三十万");

        tasks.complete(task(instance).getId(), Map.of("revisionAmount", "300000.00"));

        Contract revised = driver.contract(instance);
        assertThat(levels(revised, 2)).extracting(ApprovalLevelEntry::getGroups).containsExactly(List.of("sales-managers"));
        driver.approve(instance, "sales-managers", "manager2");
        assertThat(instance).isWaitingAt("signAsCompany").hasPassed("releaseForSigning");
    }

    @Test
    void aForeignCurrencyContractIsRoutedOnItsAmountInCny() {
        Customer customer = testContracts.customer("美元客户有限公司");

        // 40,000 CNY for this new customer (risk LOW) is small enough for the fast lane...
        Contract inCny = contractService.submit(draft(customer, "40000.00", "CNY"), "sales1");
        // ...40,000 USD is 284,000 CNY at 7.10: a sales manager must approve it,
        Contract inUsd = contractService.submit(draft(customer, "40000.00", "USD"), "sales1");
        // and 80,000 USD is 568,000 CNY: over the 500,000 threshold for legal.
        Contract largerInUsd = contractService.submit(draft(customer, "80000.00", "USD"), "sales1");

        assertThat(fastLaneRuleOf(inCny)).isEqualTo(FAST_LANE_RULE);
        assertThat(fastLaneRuleOf(inUsd)).isNull();
        assertThat(levels(inUsd, 1)).extracting(ApprovalLevelEntry::getGroups)
                .containsExactly(List.of("sales-managers"));
        assertThat(levels(largerInUsd, 1)).extracting(ApprovalLevelEntry::getGroups)
                .containsExactly(List.of("sales-managers"), List.of("legal"));
        ProcessInstance waiting = driver.instanceOf(inUsd);
        assertThat(waiting).isWaitingAt("approveContract");
        assertThat(task(waiting)).hasCandidateGroup("sales-managers");
    }

    private String fastLaneRuleOf(Contract contract) {
        return rounds.findByContractIdOrderByRound(contract.getId()).get(0).getFastLaneRule();
    }

    private Contract draft(Customer customer, String amount, String currency) {
        BigDecimal value = new BigDecimal(amount);
        LocalDate start = TestContracts.startDate();
        return contractService.draft(new NewContract("sales-standard", customer.getId(), "外币路由测试合同",
                ContractType.SALES, value, currency, start, start.plusYears(1), 30, Map.of(),
                new ContractTerms(value, false, null, null), null, null), "sales1", null).contract();
    }

    /** The approver claims the open task offered to {@code group} and completes it with the decision. */
    private void decide(ProcessInstance instance, String group, String approver, String decision, String comment) {
        Task task = groupTask(instance, group);
        tasks.claim(task.getId(), approver);
        tasks.complete(task.getId(), ContractProcessDriver.decision(decision, comment));
    }

    private Task groupTask(ProcessInstance instance, String group) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup(group).singleResult();
    }

    private List<ApprovalLevelEntry> levels(Contract contract, int round) {
        return levels.findByContractIdAndRoundOrderByLevel(contract.getId(), round);
    }

    private static Date date(String local) {
        return Date.from(LocalDateTime.parse(local).atZone(SHANGHAI).toInstant());
    }
}
