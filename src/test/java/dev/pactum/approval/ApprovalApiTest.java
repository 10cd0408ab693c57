package dev.pactum.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.TestContracts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Delegation, out-of-office, the approval history and the notification inbox over real HTTP. */
@PactumTest
class ApprovalApiTest {
    @Autowired ObjectMapper json;
    @Autowired ApiClient api;
    @Autowired TaskService tasks;
    @Autowired ContractService contractService;
    @Autowired TestContracts testContracts;
    @Autowired Deputies deputies;


    @AfterEach
    void everyoneIsBack() {
        deputies.back("legal1");
        deputies.back("manager1");
    }

    @Test
    void aCandidateDelegatesTheTaskAndTheDeputyDecidesOnTheirBehalf() throws Exception {
        Contract contract = submit("300000");
        Task task = openTask(contract);

        assertThat(api.send("legal1", "POST", "/api/tasks/" + task.getId() + "/delegate", "{\"to\":\"legal2\"}", null)
                .status()).isEqualTo(404);
        ApiClient.Response delegated = api.send("manager1", "POST", "/api/tasks/" + task.getId() + "/delegate",
                "{\"to\":\"manager2\"}", null);
        assertThat(delegated.status()).isEqualTo(200);
        assertThat(delegated.body().get("assignee").asText()).isEqualTo("manager2");
        assertThat(delegated.body().get("delegatedBy").asText()).isEqualTo("manager1");

        ApiClient.Response bad = api.send("manager2", "POST", "/api/tasks/" + task.getId() + "/delegate", "{\"to\":\"nobody\"}",
                "en");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/errors/0/field").asText()).isEqualTo("to");
        assertThat(bad.body().at("/errors/0/message").asText()).isEqualTo("user nobody does not exist");

        Map<String, Object> decision = new HashMap<>();
        decision.put("decision", "approve");
        tasks.complete(task.getId(), decision);

        JsonNode approvals = api.send("sales1", "GET", "/api/contracts/" + contract.getId() + "/approvals", null, null).body();
        assertThat(approvals.at("/rounds/0/levels/0/decisions/0/decidedBy").asText()).isEqualTo("manager2");
        assertThat(approvals.at("/rounds/0/levels/0/decisions/0/onBehalfOf").asText()).isEqualTo("manager1");
        List<JsonNode> inbox = inboxAbout(contract, "manager2", true);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).get("kind").asText()).isEqualTo("approval-delegated");
        assertThat(inbox.get(0).get("subject").asText()).contains(contract.getNumber(), "manager1");
    }

    @Test
    void outOfOfficeIsValidatedAndSendsAssignedTasksToTheDeputy() throws Exception {
        ApiClient.Response self = api.send("manager1", "PUT", "/api/me/out-of-office",
                "{\"deputy\":\"manager1\",\"from\":\"2026-12-01\",\"to\":\"2026-11-30\"}", "en");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.contentType()).startsWith("application/problem+json");
        assertThat(self.fields()).containsExactlyInAnyOrder("deputy", "to");
        assertThat(api.send("manager1", "PUT", "/api/me/out-of-office",
                "{\"deputy\":\"ghost\",\"from\":\"2026-12-01\",\"to\":\"2026-12-10\"}", null).status()).isEqualTo(400);
        assertThat(api.send("manager1", "PUT", "/api/me/out-of-office", "{\"deputy\":\"manager2\"}", null).status())
                .isEqualTo(400);

        ApiClient.Response set = api.send("manager1", "PUT", "/api/me/out-of-office",
                "{\"deputy\":\"manager2\",\"from\":\"2020-01-01\",\"to\":\"2099-12-31\"}", null);
        assertThat(set.status()).isEqualTo(200);
        assertThat(api.send("manager1", "GET", "/api/me/out-of-office", null, null).body().get("deputy").asText())
                .isEqualTo("manager2");

        Contract contract = submit("310000");
        Task task = openTask(contract);
        tasks.setAssignee(task.getId(), "manager1");
        assertThat(openTask(contract).getAssignee()).isEqualTo("manager2");

        assertThat(api.send("manager1", "DELETE", "/api/me/out-of-office", null, null).status()).isEqualTo(204);
        assertThat(api.send("manager1", "GET", "/api/me/out-of-office", null, null).status()).isEqualTo(204);
        tasks.setAssignee(task.getId(), "manager1");
        assertThat(openTask(contract).getAssignee()).isEqualTo("manager1");
    }

    @Test
    void theApprovalsShowEveryRoundAfterARevisionLoop() throws Exception {
        Contract contract = submit("1000000");
        Task first = openTask(contract);
        tasks.claim(first.getId(), "manager1");
        Map<String, Object> revise = new HashMap<>();
        revise.put("decision", "revise");
        revise.put("comment", "请补充付款条款");
        tasks.complete(first.getId(), revise);
        Task revision = tasks.createTaskQuery().processInstanceId(contract.getProcessInstanceId()).singleResult();
        tasks.complete(revision.getId(), Map.of("revisionPaymentTermDays", 20L));

        assertThat(api.send("sales2", "GET", "/api/contracts/" + contract.getId() + "/approvals", null, null).status())
                .isEqualTo(404);
        JsonNode approvals = api.send("sales1", "GET", "/api/contracts/" + contract.getId() + "/approvals", null, null)
                .body();
        assertThat(approvals.get("currentRound").asInt()).isEqualTo(2);
        assertThat(approvals.at("/rounds")).hasSize(2);
        assertThat(approvals.at("/rounds/0/levels/0/state").asText()).isEqualTo("REVISE");
        assertThat(approvals.at("/rounds/0/levels/1/state").asText()).isEqualTo("SKIPPED");
        assertThat(approvals.at("/rounds/0/levels/0/decisions/0/decision").asText()).isEqualTo("REVISE");
        assertThat(approvals.at("/rounds/0/levels/0/decisions/0/comment").asText()).isEqualTo("请补充付款条款");
        assertThat(approvals.at("/rounds/0/levels/0/openTasks")).isEmpty();
        JsonNode open = approvals.at("/rounds/1/levels/0/openTasks/0");
        assertThat(open.get("taskId").asText()).isEqualTo(openTask(contract).getId());
        assertThat(open.at("/candidateGroups/0").asText()).isEqualTo("sales-managers");
        assertThat(open.get("reminded").asBoolean()).isFalse();
        assertThat(open.get("escalated").asBoolean()).isFalse();
        assertThat(open.get("due").asText()).isNotBlank();
        assertThat(approvals.at("/rounds/1/levels/1/state").asText()).isEqualTo("PENDING");

        List<JsonNode> inbox = inboxAbout(contract, "sales1", false);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).get("kind").asText()).isEqualTo("approval-revise");
        assertThat(inbox.get(0).get("body").asText()).contains("请补充付款条款");
    }

    @Test
    void aUserReadsAndMarksOnlyTheirOwnNotifications() throws Exception {
        Contract contract = submit("320000");
        Task task = openTask(contract);
        tasks.claim(task.getId(), "manager1");
        Map<String, Object> reject = new HashMap<>();
        reject.put("decision", "reject");
        reject.put("comment", "价格过低");
        tasks.complete(task.getId(), reject);

        List<JsonNode> unread = inboxAbout(contract, "sales1", true);
        assertThat(unread).hasSize(1);
        JsonNode mine = unread.get(0);
        assertThat(mine.get("read").asBoolean()).isFalse();
        long id = mine.get("id").asLong();

        assertThat(api.send("sales2", "POST", "/api/notifications/" + id + "/read", null, null).status()).isEqualTo(404);
        ApiClient.Response read = api.send("sales1", "POST", "/api/notifications/" + id + "/read", null, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("read").asBoolean()).isTrue();

        assertThat(inboxAbout(contract, "sales1", true)).isEmpty();
        assertThat(inboxAbout(contract, "sales1", false)).extracting(n -> n.get("id").asLong()).containsExactly(id);
        JsonNode page = api.send("sales1", "GET", "/api/notifications?size=2", null, null).body();
        assertThat(page.get("content").size()).isLessThanOrEqualTo(2);
        assertThat(page.at("/page/size").asInt()).isEqualTo(2);
    }

    /** The user's notifications about the contract; other tests' notifications share the inbox. */
    private List<JsonNode> inboxAbout(Contract contract, String user, boolean unreadOnly) throws Exception {
        JsonNode page = api.send(user, "GET", "/api/notifications?size=1000&unread=" + unreadOnly, null, null).body();
        List<JsonNode> about = new ArrayList<>();
        page.get("content").forEach(n -> {
            if (n.path("contractId").asLong() == contract.getId()) {
                about.add(n);
            }
        });
        return about;
    }

    private Contract submit(String amount) {
        return contractService.submit(testContracts.draft("sales1", amount), "sales1");
    }

    private Task openTask(Contract contract) {
        return tasks.createTaskQuery().processInstanceId(contract.getProcessInstanceId())
                .taskDefinitionKey("approveContract").singleResult();
    }

}
