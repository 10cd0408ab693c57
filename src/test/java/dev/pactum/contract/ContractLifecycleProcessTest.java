package dev.pactum.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dev.pactum.PactumTest;
import dev.pactum.approval.ApprovalLevelEntry;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.process.ContractProcess;
import dev.pactum.approval.ApprovalLevelState;
import dev.pactum.document.ContractDocumentService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path through processes/contract-lifecycle.bpmn, on the real engine and database. */
@PactumTest
class ContractLifecycleProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ContractService contractService;
    @Autowired ContractRepository contracts;
    @Autowired CustomerRepository customers;
    @Autowired ContractProcessDriver driver;
    @Autowired ContractDocumentService documents;
    @Autowired TestContracts testContracts;

    @BeforeEach
    void useEngine() {
        AbstractAssertions.init(engine);
    }

    @Test
    void approvalAtOneLevelSendsTheContractForSignature() {
        ProcessInstance instance = submit("sales1", "200000");
        assertThat(instance).isWaitingAt("approveContract");
        assertThat(task(instance)).hasCandidateGroup("sales-managers");
        assertThat(status(instance)).isEqualTo(ContractStatus.IN_APPROVAL);

        decide(instance, "manager1", "approve", null);

        assertThat(instance).isWaitingAt("signAsCompany").hasPassed("releaseForSigning");
        assertThat(status(instance)).isEqualTo(ContractStatus.SIGNING);
        assertThat(levelStates(instance)).containsExactly(ApprovalLevelState.APPROVED);
    }

    @Test
    void fiveMillionOrMoreNeedsADirectorAfterTheManagerAndTheLegalAndFinanceCountersign() {
        ProcessInstance instance = submit("sales1", "5000000.00");
        assertThat(task(instance)).hasCandidateGroup("sales-managers");
        decide(instance, "manager1", "approve", "ok");

        assertThat(instance).isWaitingAt("approveContract");
        for (String[] countersigner : new String[][] {{"legal", "legal1"}, {"finance", "finance1"}}) {
            Task task = tasks.createTaskQuery().processInstanceId(instance.getId())
                    .taskCandidateGroup(countersigner[0]).singleResult();
            tasks.claim(task.getId(), countersigner[1]);
            tasks.complete(task.getId(), Map.of("decision", "approve"));
        }

        assertThat(instance).isWaitingAt("approveContract");
        assertThat(task(instance)).hasCandidateGroup("directors");
        assertThat(levelStates(instance)).containsExactly(ApprovalLevelState.APPROVED, ApprovalLevelState.APPROVED,
                ApprovalLevelState.ACTIVE);

        decide(instance, "director1", "approve", null);
        assertThat(instance).isWaitingAt("signAsCompany").hasPassed("releaseForSigning");
        assertThat(status(instance)).isEqualTo(ContractStatus.SIGNING);
    }

    @Test
    void reviseSendsItBackToTheOwnerAndItGoesRoundAgain() {
        ProcessInstance instance = submit("sales1", "300000");
        decide(instance, "manager1", "revise", "付款期限请缩短");

        assertThat(instance).isWaitingAt("reviseContract");
        assertThat(task(instance)).isAssignedTo("sales1");
        assertThat(status(instance)).isEqualTo(ContractStatus.REVISING);
        assertThat(instance).variables().containsEntry("approverComment", "付款期限请缩短");
        assertThat(levelStates(instance)).containsExactly(ApprovalLevelState.REVISE);

        tasks.complete(task(instance).getId(), Map.of("revisionAmount", "280000.50", "revisionPaymentTermDays", 15L,
                "revisionEndDate", "2027-06-30", "revisionTitle", "修改后的销售合同"));

        assertThat(instance).isWaitingAt("approveContract");
        Contract revised = contract(instance);
        assertThat(revised.getStatus()).isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(revised.getApprovalRound()).isEqualTo(2);
        assertThat(revised.getAmount()).isEqualByComparingTo("280000.50");
        assertThat(revised.getPaymentTermDays()).isEqualTo(15);
        assertThat(revised.getTitle()).isEqualTo("修改后的销售合同");
        assertThat(documents.versions(revised.getId())).hasSize(2);

        decide(instance, "manager1", "approve", null);
        assertThat(instance).isWaitingAt("signAsCompany").hasPassed("releaseForSigning");
        assertThat(status(instance)).isEqualTo(ContractStatus.SIGNING);
    }

    @Test
    void rejectEndsItAndSkipsTheLevelsNotReached() {
        ProcessInstance instance = submit("sales1", "5000000");
        decide(instance, "manager1", "reject", "客户资信不足");

        assertThat(instance).isEnded().hasPassed("rejectContract");
        assertThat(status(instance)).isEqualTo(ContractStatus.REJECTED);
        assertThat(levelStates(instance)).containsExactly(ApprovalLevelState.REJECTED, ApprovalLevelState.SKIPPED,
                ApprovalLevelState.SKIPPED);
    }

    @Test
    void aRejectionWithoutACommentIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance instance = submit("sales1", "100000");
        Task task = task(instance);
        tasks.claim(task.getId(), "manager1");

        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("decision", "reject")))
                .hasMessageContaining("驳回或退回修改时请填写意见");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("decision", "maybe")))
                .hasMessageContaining("请选择审批结论");

        assertThat(instance).isWaitingAt("approveContract");
        assertThat(status(instance)).isEqualTo(ContractStatus.IN_APPROVAL);
    }

    @Test
    void aBadRevisionIsRefusedAndTheOwnerCanCorrectIt() {
        ProcessInstance instance = submit("sales1", "100000");
        decide(instance, "manager1", "revise", "请修改结束日期");
        String taskId = task(instance).getId();

        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("revisionEndDate", "2020-01-01")))
                .hasMessageContaining("结束日期不能早于开始日期");
        assertThat(instance).isWaitingAt("reviseContract");

        tasks.complete(taskId, Map.of("revisionEndDate", "2027-12-31"));
        assertThat(instance).isWaitingAt("approveContract");
    }

    @Test
    void aRevisionLeftFor30DaysClosesTheContractAsRejected() {
        ProcessInstance instance = submit("sales1", "100000");
        decide(instance, "manager1", "revise", "请补充交付条款");
        assertThat(instance).isWaitingAt("reviseContract");

        execute(job("revisionAbandoned", instance));

        assertThat(instance).isEnded().hasPassed("rejectContract");
        assertThat(status(instance)).isEqualTo(ContractStatus.REJECTED);
    }

    @Test
    void aContractStartedFromTheStartFormIsRegisteredAndOwnedByWhoStartedIt() {
        Customer customer = testContracts.customer("表单客户有限公司");
        identity.setAuthentication("sales2", List.of("sales"));
        ProcessInstance instance;
        try {
            instance = runtime.startProcessInstanceByKey(ContractProcess.KEY, Map.of(
                    "title", "表单发起的服务合同", "type", "SERVICE", "templateKey", "service-standard",
                    "customerCreditCode", customer.getCreditCode(), "amount", "66000.00", "currency", "CNY",
                    "startDate", "2027-01-01", "endDate", "2027-12-31", "paymentTermDays", 30L));
        } finally {
            identity.clearAuthentication();
        }

        assertThat(instance).hasPassed("registerContract").isWaitingAt("approveContract");
        Contract contract = contract(instance);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey()).isEqualTo(contract.getNumber()).matches("HT-\\d{4}-\\d{6}");
        assertThat(contract.getOwner()).isEqualTo("sales2");
        assertThat(contract.getAmount()).isEqualByComparingTo(new BigDecimal("66000"));
        assertThat(contract.getProcessInstanceId()).isEqualTo(instance.getId());
    }

    @Test
    void aStartFormWithAnUnknownCustomerStartsNothing() {
        long before = contracts.count();
        identity.setAuthentication("sales2", List.of("sales"));
        try {
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey(ContractProcess.KEY, Map.of(
                    "title", "无效客户", "type", "SALES", "templateKey", "sales-standard",
                    "customerCreditCode", TestContracts.newCreditCode(), "amount", "1000", "currency", "CNY",
                    "startDate", "2027-01-01", "endDate", "2027-12-31", "paymentTermDays", 30L)))
                    .hasMessageContaining("未找到统一社会信用代码");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(contracts.count()).isEqualTo(before);
    }

    private ProcessInstance submit(String owner, String amount) {
        return driver.submit(owner, amount);
    }

    private void decide(ProcessInstance instance, String approver, String decision, String comment) {
        driver.decide(instance, approver, decision, comment);
    }

    private Contract contract(ProcessInstance instance) {
        return driver.contract(instance);
    }

    private ContractStatus status(ProcessInstance instance) {
        return contract(instance).getStatus();
    }

    private List<ApprovalLevelState> levelStates(ProcessInstance instance) {
        return driver.levelStates(instance);
    }
}
