package dev.pactum.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.approval.ApprovalLevelState;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.calendar.BusinessCalendar;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractTerms;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.document.DocumentVersionInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Supplementary agreements (补充协议) on the real engine: routed by the rules on what changed, approved level by
 * level, then the contract's next version (a new document version, the old kept); rejected, nothing changes.
 */
@PactumTest
class AmendmentProcessTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CONFIDENTIALITY = "双方对本合同及补充协议内容保密十年。";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired AfterApprovalContracts afterApproval;
    @Autowired SigningDriver signing;
    @Autowired ContractProcessDriver driver;
    @Autowired ContractRepository contracts;
    @Autowired ContractDocumentService documents;
    @Autowired ApiClient api;
    @Autowired BusinessCalendar calendar;

    @BeforeEach
    void useEngine() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anApprovedAmendmentBecomesTheContractsNextVersionAndMovesItsTermTimers() throws Exception {
        ProcessInstance lifecycle = active();
        Contract contract = driver.contract(lifecycle);
        List<DocumentVersionInfo> before = documents.versions(contract.getId());
        LocalDate newEnd = contract.getEndDate().plusMonths(3);

        ApiClient.Response requested = amend("sales1", contract, """
                {"reason": "追加三个月服务并调整价格", "amount": 150000, "endDate": "%s",
                 "clauses": {"confidentiality": "%s"}}""".formatted(newEnd, CONFIDENTIALITY));
        assertThat(requested.status()).as("%s", requested.body()).isEqualTo(201);
        assertThat(requested.body().at("/status").asText()).isEqualTo("IN_APPROVAL");
        assertThat(requested.body().at("/previousAmount").decimalValue()).isEqualByComparingTo("100000");
        ProcessInstance amendment = amendmentInstance(contract);
        assertThat(amendment).isWaitingAt("approveContract").hasPassed("determineAmendmentChain");
        assertThat(driver.contract(lifecycle).getAmount()).isEqualByComparingTo("100000");

        // +50% and a changed clause: after the sales manager, finance and legal countersign (会签).
        assertThat(driver.levelStates(lifecycle)).containsExactly(ApprovalLevelState.ACTIVE,
                ApprovalLevelState.PENDING);
        driver.approve(amendment, "sales-managers", "manager1");
        assertThat(driver.level(driver.contract(lifecycle), 2).getGroups()).containsExactlyInAnyOrder("finance",
                "legal");
        driver.approve(amendment, "finance", "finance1");
        assertThat(amendment).isWaitingAt("approveContract");
        driver.approve(amendment, "legal", "legal1");

        assertThat(amendment).isEnded().hasPassed("applyAmendment", "renderDocument", "rescheduleContractTerm");
        Contract amended = driver.contract(lifecycle);
        assertThat(amended.getStatus()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(amended.getAmount()).isEqualByComparingTo("150000");
        assertThat(amended.getEndDate()).isEqualTo(newEnd);
        assertThat(amended.getClauses()).containsEntry("confidentiality", CONFIDENTIALITY);
        List<DocumentVersionInfo> after = documents.versions(contract.getId());
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.subList(0, before.size())).isEqualTo(before);

        LocalDate deadline = newEnd.minusDays(30);
        while (!calendar.isWorkingDay(deadline)) {
            deadline = deadline.minusDays(1);
        }
        assertThat(management.createJobQuery().processInstanceId(lifecycle.getId()).activityId("awaitRenewalWindow")
                .singleResult().getDuedate().toInstant())
                .isEqualTo(deadline.minusDays(90).atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant());
        assertThat(runtime.getVariable(lifecycle.getId(), "termEndsAt")).isEqualTo(
                java.util.Date.from(newEnd.plusDays(1).atStartOfDay(ZONE).toInstant()));

        ApiClient.Response listed = api.send("sales1", "GET", "/api/contracts/" + contract.getId() + "/amendments",
                null, "en");
        assertThat(listed.body().at("/0/status").asText()).isEqualTo("APPROVED");
        assertThat(listed.body().at("/0/endDate").asText()).isEqualTo(newEnd.toString());
    }

    @Test
    void aRejectedAmendmentLeavesTheContractAsItWas() throws Exception {
        ProcessInstance lifecycle = active();
        Contract contract = driver.contract(lifecycle);
        List<DocumentVersionInfo> before = documents.versions(contract.getId());

        ApiClient.Response requested = amend("sales1", contract, "{\"reason\": \"客户要求降价\", \"amount\": 90000}");
        assertThat(requested.status()).as("%s", requested.body()).isEqualTo(201);
        ProcessInstance amendment = amendmentInstance(contract);
        assertThat(driver.levelStates(lifecycle)).containsExactly(ApprovalLevelState.ACTIVE);
        driver.decide(amendment, "manager1", "reject", "降价幅度无依据");

        assertThat(amendment).isEnded().hasPassed("rejectAmendment").hasNotPassed("applyAmendment");
        Contract unchanged = driver.contract(lifecycle);
        assertThat(unchanged.getAmount()).isEqualByComparingTo("100000");
        assertThat(unchanged.getEndDate()).isEqualTo(contract.getEndDate());
        assertThat(documents.versions(contract.getId())).isEqualTo(before);
        ApiClient.Response listed = api.send("sales1", "GET", "/api/contracts/" + contract.getId() + "/amendments",
                null, "en");
        assertThat(listed.body().at("/0/status").asText()).isEqualTo("REJECTED");
        assertThat(lifecycle).isWaitingAt("awaitRenewalWindow");
    }

    @Test
    void onlyTheOwnerManagersAndAdminsAmendAnActiveContractAndNothingStartsAnAmendmentButPactum() throws Exception {
        ProcessInstance lifecycle = active();
        Contract contract = driver.contract(lifecycle);
        String body = "{\"reason\": \"调整价格\", \"amount\": 120000}";

        assertThat(amend("sales2", contract, body).status()).as("another owner's contract is not found").isEqualTo(404);
        assertThat(amend("legal1", contract, body).status()).isEqualTo(403);
        ApiClient.Response nothing = amend("sales1", contract, "{\"reason\": \"无变化\", \"amount\": 100000}");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.fields()).containsExactly("amount");
        ApiClient.Response unknownClause = amend("sales1", contract,
                "{\"reason\": \"加条款\", \"clauses\": {\"warranty\": \"保修两年\"}}");
        assertThat(unknownClause.fields()).containsExactly("clauses.warranty");
        ApiClient.Response noReason = amend("sales1", contract, "{\"amount\": 120000}");
        assertThat(noReason.fields()).containsExactly("reason");

        assertThat(amend("manager1", contract, body).status()).isEqualTo(201);
        assertThat(amend("sales1", contract, body).status()).as("one amendment at a time").isEqualTo(409);

        ApiClient.Response started = api.send("admin", "POST", "/engine-rest/process-definition/key/contractAmendment"
                + "/start", "{\"variables\": {\"amendmentId\": {\"value\": 1, \"type\": \"Long\"}}}", "en");
        assertThat(started.status()).as("%s", started.body()).isGreaterThanOrEqualTo(400);

        ProcessInstance signingOnly = afterApproval.approved("100000", List.of());
        Contract notActive = driver.contract(signingOnly);
        assertThat(amend("sales1", notActive, body).status()).isEqualTo(409);
    }

    private ProcessInstance active() throws Exception {
        ProcessInstance instance = afterApproval.approved(afterApproval.request(afterApproval.customer(), "100000",
                List.of(), new ContractTerms(new BigDecimal("100000"), false, 30, null)));
        Contract signed = signing.signByBoth(instance);
        signing.startDateComes(instance, signed);
        return instance;
    }

    private ApiClient.Response amend(String user, Contract contract, String body) throws Exception {
        return api.send(user, "POST", "/api/contracts/" + contract.getId() + "/amendments", body, "en");
    }

    private ProcessInstance amendmentInstance(Contract contract) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("contractAmendment")
                .processInstanceBusinessKey(contract.getNumber()).singleResult();
    }
}
