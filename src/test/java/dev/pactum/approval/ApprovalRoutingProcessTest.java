package dev.pactum.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dev.pactum.PactumTest;
import dev.pactum.contract.Contract;
import dev.pactum.risk.RiskAssessment;
import dev.pactum.risk.RiskLevel;
import dev.pactum.risk.RiskRecords;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.Customer;
import dev.pactum.contract.NewContract;
import dev.pactum.contract.TestContracts;
import dev.pactum.obligation.SigningDriver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The routing decisions as the lifecycle process lives them: the fast lane and the legal + finance 会签 level. */
@PactumTest
class ApprovalRoutingProcessTest {

    static final String FAST_LANE_RULE = "Fast lane: unmodified standard template under 50,000 CNY with low risk";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired TaskService tasks;
    @Autowired ContractService contractService;
    @Autowired ContractRepository contracts;
    @Autowired ApprovalLevelRepository levels;
    @Autowired TestContracts testContracts;
    @Autowired ContractProcessDriver driver;
    @Autowired SigningDriver signing;
    @Autowired RiskRecords risks;
    @Autowired ApprovalRoundRepository rounds;

    @BeforeEach
    void useEngine() {
        AbstractAssertions.init(engine);
    }

    @Test
    void aSmallStandardLowRiskContractOfAnEstablishedCustomerGoesToSigningWithoutAnyApprover() throws Exception {
        Customer customer = testContracts.customer("快速通道客户有限公司");
        ProcessInstance first = submit(customer, "100000.00");
        approve(first, "sales-managers", "manager1");
        // Both sides signed the first one: the customer has a track record.
        assertThat(signing.signByBoth(first).getStatus()).isEqualTo(ContractStatus.SIGNED);

        Contract contract = submitted(customer, "30000.00");

        String instanceId = contract.getProcessInstanceId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId("releaseForSigning").finished().count()).isOne();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instanceId).count()).isZero();
        contract = contracts.findById(contract.getId()).orElseThrow();
        assertThat(contract.getStatus()).isEqualTo(ContractStatus.SIGNING);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId("needsApproval").finished().count()).isOne();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId("approvalLevels").count()).isZero();
        RiskAssessment risk = risks.latest(contract.getId()).orElseThrow();
        assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
        ApprovalRoundEntry round = rounds.findByContractIdOrderByRound(contract.getId()).get(0);
        assertThat(round.getFastLaneRule()).isEqualTo(FAST_LANE_RULE);
        assertThat(round.getRuleSetVersion()).isEqualTo(risk.ruleSetVersion()).hasSize(64);
        assertThat(levels.findByContractIdAndRoundOrderByLevel(contract.getId(), contract.getApprovalRound())).isEmpty();
    }

    @Test
    void legalAndFinanceCountersignInParallelAndBothMustApprove() {
        ProcessInstance instance = submit(testContracts.customer("会签客户有限公司"), "1000000.00");
        approve(instance, "sales-managers", "manager1");

        List<Task> parallel = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(parallel).hasSize(2);
        assertThat(parallel).extracting(task -> tasks.getIdentityLinksForTask(task.getId()).get(0).getGroupId())
                .containsExactlyInAnyOrder("legal", "finance");
        assertThat(levelStates(instance)).containsExactly(ApprovalLevelState.APPROVED, ApprovalLevelState.ACTIVE);
        ApprovalLevelEntry countersign = levels.findByContractIdAndRoundOrderByLevel(contract(instance).getId(), 1).get(1);
        assertThat(countersign.getMode()).isEqualTo(ApprovalMode.ALL);
        assertThat(countersign.getGroups()).containsExactly("finance", "legal");

        approve(instance, "legal", "legal1");
        assertThat(instance).isWaitingAt("approveContract");
        assertThat(task(instance)).hasCandidateGroup("finance");
        assertThat(contract(instance).getStatus()).isEqualTo(ContractStatus.IN_APPROVAL);

        approve(instance, "finance", "finance1");
        assertThat(instance).isWaitingAt("signAsCompany").hasPassed("releaseForSigning");
        assertThat(contract(instance).getStatus()).isEqualTo(ContractStatus.SIGNING);
        assertThat(levelStates(instance)).containsExactly(ApprovalLevelState.APPROVED, ApprovalLevelState.APPROVED);
    }

    @Test
    void oneRejectionInACountersignLevelRejectsTheContractAndClosesTheOtherTask() {
        ProcessInstance instance = submit(testContracts.customer("会签驳回客户有限公司"), "1000000.00");
        approve(instance, "sales-managers", "manager1");
        approve(instance, "legal", "legal1");

        Task finance = tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("finance")
                .singleResult();
        tasks.claim(finance.getId(), "finance1");
        tasks.complete(finance.getId(), Map.of("decision", "reject", "comment", "回款风险过高"));

        assertThat(instance).isEnded().hasPassed("rejectContract");
        assertThat(contract(instance).getStatus()).isEqualTo(ContractStatus.REJECTED);
        assertThat(levelStates(instance)).containsExactly(ApprovalLevelState.APPROVED, ApprovalLevelState.REJECTED);
    }

    @Test
    void aRejectionWhileTheOtherCountersignerHasNotDecidedCancelsTheirTask() {
        ProcessInstance instance = submit(testContracts.customer("会签先驳回客户有限公司"), "1000000.00");
        approve(instance, "sales-managers", "manager1");

        Task legal = tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("legal")
                .singleResult();
        tasks.claim(legal.getId(), "legal1");
        tasks.complete(legal.getId(), Map.of("decision", "reject", "comment", "责任条款不可接受"));

        assertThat(instance).isEnded().hasPassed("rejectContract");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("approveContract").taskHadCandidateGroup("finance").singleResult().getDeleteReason())
                .isNotEqualTo("completed");
    }

    private ProcessInstance submit(Customer customer, String amount) {
        return driver.instanceOf(submitted(customer, amount));
    }

    private Contract submitted(Customer customer, String amount) {
        BigDecimal value = new BigDecimal(amount);
        LocalDate start = TestContracts.startDate();
        Contract draft = contractService.draft(new NewContract("sales-standard", customer.getId(), "路由测试合同",
                ContractType.SALES, value, "CNY", start, start.plusYears(1), 30, Map.of(),
                new ContractTerms(value, false, null, null), null, null), "sales1", null).contract();
        return contractService.submit(draft, "sales1");
    }

    private void approve(ProcessInstance instance, String group, String approver) {
        driver.approve(instance, group, approver);
    }

    private Contract contract(ProcessInstance instance) {
        return driver.contract(instance);
    }

    private List<ApprovalLevelState> levelStates(ProcessInstance instance) {
        return driver.levelStates(instance);
    }
}
