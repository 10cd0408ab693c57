package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.Customer;
import dev.pactum.contract.TestContracts;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Pactum's API forbids stays forbidden through the engine's own doors ({@code /engine-rest}), tried as the
 * demo users would: a salesperson after a colleague's contract, an approver after a shortcut.
 */
@PactumTest
class EngineDoorsTest {

    @Autowired ApiClient api;
    @Autowired ContractProcessDriver driver;
    @Autowired ContractRepository contracts;
    @Autowired TestContracts testContracts;
    @Autowired TaskService tasks;

    @Test
    void aStartThatNamesSomeoneElsesContractIsRefusedAndTheContractIsUntouched() throws Exception {
        ProcessInstance instance = driver.submit("sales1", "220000");
        driver.decide(instance, "manager1", "approve", null);
        Contract before = driver.contract(instance);
        assertThat(before.getStatus()).isEqualTo(ContractStatus.SIGNING);

        ApiClient.Response start = api.send("sales2", "POST",
                "/engine-rest/process-definition/key/contractLifecycle/start", """
                {"variables": {"contractId": {"value": %d, "type": "Long"},
                               "contractOwner": {"value": "sales2"}}}""".formatted(before.getId()), "en");

        assertThat(start.status()).isBetween(400, 599);
        Contract after = contracts.findById(before.getId()).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(ContractStatus.SIGNING);
        assertThat(after.getProcessInstanceId()).isEqualTo(before.getProcessInstanceId());
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
    }

    @Test
    void aStartFormNamingAColleagueAsInitiatorCreatesTheContractForWhoeverIsSignedIn() throws Exception {
        Customer customer = testContracts.customer("冒名发起客户有限公司");
        ApiClient.Response start = api.send("sales2", "POST",
                "/engine-rest/process-definition/key/contractLifecycle/start", """
                {"variables": {"initiator": {"value": "sales1"}, "title": {"value": "冒名合同"},
                  "type": {"value": "SALES"}, "templateKey": {"value": "sales-standard"},
                  "customerCreditCode": {"value": "%s"}, "amount": {"value": "51000.00"},
                  "currency": {"value": "CNY"}, "startDate": {"value": "2027-01-01"},
                  "endDate": {"value": "2027-12-31"}, "paymentTermDays": {"value": 30, "type": "Long"}}}"""
                .formatted(customer.getCreditCode()), "en");

        assertThat(start.status()).isEqualTo(200);
        Contract contract = contracts.findByProcessInstanceId(start.body().get("id").asText()).orElseThrow();
        assertThat(contract.getOwner()).isEqualTo("sales2");
    }

    @Test
    void salesReadTheHistoryOfTheirOwnContractsOnly() throws Exception {
        ProcessInstance mine = driver.submit("sales1", "230000");
        String history = "/engine-rest/history/process-instance?processInstanceId=" + mine.getId();
        String variables = "/engine-rest/history/variable-instance?processInstanceId=" + mine.getId();

        assertThat(api.send("sales1", "GET", history, null, "en").body()).hasSize(1);
        assertThat(api.send("sales2", "GET", history, null, "en").body()).isEmpty();
        assertThat(api.send("sales2", "GET", variables, null, "en").body()).isEmpty();
        assertThat(api.send("sales2", "GET", "/engine-rest/history/task?processInstanceId=" + mine.getId(), null,
                "en").body()).isEmpty();
        assertThat(api.send("manager1", "GET", history, null, "en").body()).hasSize(1);
    }

    @Test
    void nobodyHandsAnApprovalToTheContractsOwnerThroughAnyDoor() throws Exception {
        ProcessInstance instance = driver.submit("sales1", "240000");
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

        ApiClient.Response viaEngine = api.send("manager1", "POST", "/engine-rest/task/" + task.getId() + "/assignee",
                "{\"userId\": \"sales1\"}", "en");
        ApiClient.Response viaPactum = api.send("manager1", "POST", "/api/tasks/" + task.getId() + "/delegate",
                "{\"to\": \"sales1\"}", "en");
        ApiClient.Response toAnOutsider = api.send("manager1", "POST", "/api/tasks/" + task.getId() + "/delegate",
                "{\"to\": \"finance1\"}", "en");

        assertThat(viaEngine.status()).isBetween(400, 599);
        assertThat(viaPactum.status()).isEqualTo(400);
        assertThat(viaPactum.body().at("/errors/0/message").asText()).contains("owns this contract");
        assertThat(toAnOutsider.status()).isEqualTo(400);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void aCompletionWithoutItsOwnDecisionIsRefusedEvenAfterAnEarlierApproval() throws Exception {
        ProcessInstance instance = driver.submit("sales1", "1000000");
        driver.approve(instance, "sales-managers", "manager1");
        Task legal = tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("legal")
                .singleResult();

        ApiClient.Response claim = api.send("legal1", "POST", "/engine-rest/task/" + legal.getId() + "/claim",
                "{\"userId\": \"legal1\"}", "en");
        ApiClient.Response complete = api.send("legal1", "POST", "/engine-rest/task/" + legal.getId() + "/complete",
                "{\"variables\": {}}", "en");

        assertThat(claim.status()).isEqualTo(204);
        assertThat(complete.status()).isBetween(400, 599);
        assertThat(tasks.createTaskQuery().taskId(legal.getId()).count()).isOne();
    }

    @Test
    void anApproverCannotSkipTheNextLevelByRewritingTheLoopsVariables() throws Exception {
        ProcessInstance instance = driver.submit("sales1", "1000000");
        Task first = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        api.send("manager1", "POST", "/engine-rest/task/" + first.getId() + "/claim", "{\"userId\": \"manager1\"}",
                "en");

        ApiClient.Response complete = api.send("manager1", "POST", "/engine-rest/task/" + first.getId() + "/complete",
                """
                {"variables": {"decision": {"value": "approve"}, "nrOfInstances": {"value": 1, "type": "Integer"},
                               "approvalLevelCount": {"value": 1, "type": "Integer"}}}""", "en");

        assertThat(complete.status()).isEqualTo(204);
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("legal").count())
                .isOne();
    }

    @Test
    void movingAnInstanceStraightToActivationIsRefusedByTheApprovalRecord() throws Exception {
        ProcessInstance instance = driver.submit("sales1", "1000000");
        driver.approve(instance, "sales-managers", "manager1");

        ApiClient.Response jump = api.send("admin", "POST",
                "/engine-rest/process-instance/" + instance.getId() + "/modification", """
                {"instructions": [{"type": "startBeforeActivity", "activityId": "activateContract"}],
                 "skipCustomListeners": true}""", "en");

        assertThat(jump.status()).isBetween(400, 599);
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.IN_APPROVAL);
    }
}
