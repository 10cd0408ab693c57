package dev.pactum.approval;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.TestPeers;
import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.TestContracts;
import dev.pactum.notification.DingTalkSignature;
import dev.pactum.risk.RiskAssessment;
import dev.pactum.risk.RiskRecords;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Approving from a DingTalk card over real HTTP: the StandardCard DingTalk's API receives (WireMock), and card
 * callbacks signed as DingTalk signs them (sign = Base64 HMAC-SHA256 of "timestamp\nsecret" under the app secret).
 */
@PactumTest
class DingTalkCardApprovalTest {

    private static final String PATH = "/api/integrations/im/dingtalk/card-action";

    @Autowired ApiClient api;
    @Autowired ObjectMapper json;
    @Autowired TaskService tasks;
    @Autowired ContractService contractService;
    @Autowired TestContracts testContracts;
    @Autowired ContractProcessDriver driver;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired RiskRecords risks;
    @Autowired PactumProperties pactum;
    @Autowired DingTalkCards dingtalk;

    @BeforeEach
    void dingTalkAnswers() {
        TestPeers.peers().stubFor(post(urlPathEqualTo("/dingtalk/v1.0/oauth2/accessToken"))
                .willReturn(okJson("{\"accessToken\":\"dt-test-token\",\"expireIn\":7200}")));
        TestPeers.peers().stubFor(post(urlPathEqualTo("/dingtalk/v1.0/im/v1.0/robot/interactiveCards/send"))
                .willReturn(okJson("{\"processQueryKey\":\"pqk-test\"}")));
    }

    @Test
    void candidateApproversGetTheStandardCardWithTheContractAndTheTwoButtons() throws Exception {
        Contract contract = submit("sales1", "300000");
        Task task = openTask(contract);

        List<LoggedRequest> sent = cardsFor(task);
        assertThat(sent).extracting(request -> json.readTree(json.readTree(request.getBodyAsString())
                .get("singleChatReceiver").asText()).get("userId").asText())
                .containsExactlyInAnyOrder("dt-manager1", "dt-manager2");
        LoggedRequest toManager1 = sent.stream()
                .filter(request -> request.getBodyAsString().contains("dt-manager1")).findFirst().orElseThrow();
        assertThat(toManager1.getHeader("x-acs-dingtalk-access-token")).isEqualTo("dt-test-token");
        JsonNode message = json.readTree(toManager1.getBodyAsString());
        assertThat(message.get("cardTemplateId").asText()).isEqualTo("StandardCard");
        assertThat(message.get("robotCode").asText()).isEqualTo("dingtestrobot");
        assertThat(message.get("callbackRouteKey").asText()).isEqualTo("pactum-approvals");
        assertThat(message.get("cardBizId").asText()).isEqualTo(dingtalk.cardId(contract.getId(), task.getId(),
                "dt-manager1")).startsWith(contract.getId() + "." + task.getId() + ".");
        String risk = risks.latest(contract.getId()).map(RiskAssessment::level).orElseThrow().name();
        JsonNode expected = json.readTree("""
                {"config":{"autoLayout":true,"enableForward":false},
                 "header":{"title":{"type":"text","text":"合同审批 Approval %1$s"}},
                 "contents":[
                  {"type":"text","id":"contract","text":"合同 Contract: %1$s · %2$s"},
                  {"type":"text","id":"customer","text":"客户 Customer: %3$s"},
                  {"type":"text","id":"amount","text":"金额 Amount: %4$s"},
                  {"type":"text","id":"risk","text":"风险 Risk: %5$s"},
                  {"type":"markdown","id":"links","text":"[查看合同 Open contract](%6$s/contracts/%7$d) · [在 Tasklist 中审批 Open in Tasklist](%6$s/camunda/app/tasklist/default/#/?task=%8$s)"},
                  {"type":"action","id":"decision","actions":[
                   {"type":"button","id":"approve","label":{"type":"text","text":"通过","id":"approveLabel"},"actionType":"request","status":"primary"},
                   {"type":"button","id":"reject","label":{"type":"text","text":"驳回","id":"rejectLabel"},"actionType":"request","status":"warning"}]}]}
                """.formatted(contract.getNumber(), contract.getTitle(), contract.getCustomer().getName(),
                ApprovalFormVariables.amountText(contract), risk, pactum.baseUrl(), contract.getId(), task.getId()));
        assertThat(json.readTree(message.get("cardData").asText())).isEqualTo(expected);
    }

    @Test
    void approvingFromDingTalkClosesTheLevelAsTasklistDoesAndTheAuditSaysViaDingTalk() throws Exception {
        Contract contract = submit("sales1", "300000");
        Task task = openTask(contract);

        HttpResponse<String> answer = click("dt-manager1", task, contract, "approve", null, clock.millis());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("outcome").asText()).isEqualTo("DONE");
        assertThat(body.get("message").asText()).contains("已同意合同 " + contract.getNumber());
        assertThat(body.get("cardData").asText()).contains("manager1 于").doesNotContain("\"action\"");
        assertThat(driver.level(contract, 1).getState()).isEqualTo(ApprovalLevelState.APPROVED);
        ApprovalDecision decision = driver.decisions(contract).get(0);
        assertThat(decision.getDecidedBy()).isEqualTo("manager1");
        assertThat(decision.getDecision()).isEqualTo(Decision.APPROVE);
        assertThat(jdbc.queryForList("""
                select detail from audit_event where actor = 'manager1' and action = 'TASK_COMPLETE'
                and object_id = ?""", String.class, task.getId()))
                .singleElement().asString().contains("via DingTalk 钉钉 card", "dt-manager1",
                        "APPROVE " + contract.getNumber());
    }

    @Test
    void rejectingNeedsACommentAndThenEndsTheRoundWithIt() throws Exception {
        Contract contract = submit("sales1", "320000");
        Task task = openTask(contract);

        JsonNode withoutComment = json.readTree(click("dt-manager2", task, contract, "reject", null,
                clock.millis()).body());
        assertThat(withoutComment.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(withoutComment.get("message").asText()).contains("A comment is required");
        assertThat(withoutComment.has("cardData")).isFalse();
        assertThat(openTask(contract).getAssignee()).isNull();
        assertThat(driver.decisions(contract)).isEmpty();

        JsonNode rejected = json.readTree(click("dt-manager2", task, contract, "reject", "价格过低",
                clock.millis() + 1).body());
        assertThat(rejected.get("outcome").asText()).isEqualTo("DONE");
        assertThat(driver.level(contract, 1).getState()).isEqualTo(ApprovalLevelState.REJECTED);
        assertThat(driver.decisions(contract).get(0).getComment()).isEqualTo("价格过低");
    }

    @Test
    void someoneWhoIsNotACandidateIsRefusedAndNothingChanges() throws Exception {
        Contract contract = submit("sales1", "330000");
        Task task = openTask(contract);

        JsonNode answer = json.readTree(click("dt-legal1", task, contract, "approve", null, clock.millis()).body());

        assertThat(answer.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(answer.get("message").asText()).contains("legal1");
        assertThat(openTask(contract).getAssignee()).isNull();
        assertThat(driver.decisions(contract)).isEmpty();
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where actor = 'legal1' and action = 'IM_CARD_ACTION_REFUSED'
                and object_id = ?""", Integer.class, task.getId())).isEqualTo(1);
    }

    @Test
    void aTaskAlreadyDecidedInTasklistMakesTheCardSaySo() throws Exception {
        Contract contract = submit("sales1", "350000");
        Task task = openTask(contract);
        tasks.claim(task.getId(), "manager2");
        tasks.complete(task.getId(), ContractProcessDriver.decision("approve", null));

        JsonNode answer = json.readTree(click("dt-manager1", task, contract, "reject", "太贵", clock.millis()).body());

        assertThat(answer.get("outcome").asText()).isEqualTo("ALREADY_DECIDED");
        assertThat(answer.get("message").asText()).contains("已由 manager2 于", "already decided by manager2");
        assertThat(answer.get("cardData").asText()).contains("已由 manager2 于").doesNotContain("\"action\"");
        assertThat(driver.decisions(contract)).singleElement()
                .satisfies(decision -> assertThat(decision.getDecision()).isEqualTo(Decision.APPROVE));
    }

    @Test
    void theSameCallbackReplayedHasOneEffectAndTheSameAnswer() throws Exception {
        Contract contract = submit("sales1", "360000");
        Task task = openTask(contract);
        long sentAt = clock.millis();

        HttpResponse<String> first = click("dt-manager1", task, contract, "approve", null, sentAt);
        HttpResponse<String> replayed = click("dt-manager1", task, contract, "approve", null, sentAt);

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(replayed.body())).isEqualTo(json.readTree(first.body()));
        assertThat(driver.decisions(contract)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from im_card_action where provider = 'dingtalk' and task_id = ?",
                Integer.class, task.getId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where action = 'TASK_COMPLETE' and object_id = ?""",
                Integer.class, task.getId())).isEqualTo(1);
    }

    @Test
    void aForgedStaleOrMisdirectedCallbackIs401ProblemAndNothingIsWritten() throws Exception {
        Contract contract = submit("sales1", "370000");
        Task task = openTask(contract);
        String body = callbackBody(dingtalk.cardId(contract.getId(), task.getId(), "dt-manager1"), "dt-manager1",
                "approve", null);
        String now = Long.toString(clock.millis());
        String old = Long.toString(clock.millis() - 600_000);
        // A card sent to manager1, its callback rewritten to speak for manager2 under a valid signature.
        String misdirected = callbackBody(dingtalk.cardId(contract.getId(), task.getId(), "dt-manager1"),
                "dt-manager2", "approve", null);

        List<HttpResponse<String>> refused = List.of(
                send(body, now, DingTalkSignature.of(now, "wrong-secret")),
                send(body, old, DingTalkSignature.of(old, TestPeers.DINGTALK_APP_SECRET)),
                api.send(api.request(null, "POST", PATH, body, null), HttpResponse.BodyHandlers.ofString()),
                send(misdirected, now, DingTalkSignature.of(now, TestPeers.DINGTALK_APP_SECRET)));

        for (HttpResponse<String> answer : refused) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(json.readTree(refused.get(0).body()).get("detail").asText()).contains("sign");
        assertThat(jdbc.queryForObject("select count(*) from im_card_action where provider = 'dingtalk' and task_id = ?",
                Integer.class, task.getId())).isZero();
        assertThat(openTask(contract).getAssignee()).isNull();
        assertThat(driver.decisions(contract)).isEmpty();
    }

    @Test
    void anUnknownImAnswers404() throws Exception {
        HttpResponse<String> answer = api.send(api.request(null, "POST", "/api/integrations/im/slack/card-action",
                "{}", null), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> click(String userId, Task task, Contract contract, String decision, String comment,
                                       long timestampMillis) throws Exception {
        String body = callbackBody(dingtalk.cardId(contract.getId(), task.getId(), userId), userId, decision, comment);
        String timestamp = Long.toString(timestampMillis);
        return send(body, timestamp, DingTalkSignature.of(timestamp, TestPeers.DINGTALK_APP_SECRET));
    }

    private HttpResponse<String> send(String body, String timestamp, String sign) throws Exception {
        HttpRequest.Builder request = api.request(null, "POST", PATH, body, null)
                .header("timestamp", timestamp)
                .header("sign", sign);
        return api.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A robot card's request-action callback as DingTalk posts it: the card id, the user, the private data. */
    private String callbackBody(String cardId, String userId, String decision, String comment) throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        if (comment != null) {
            params.put("comment", comment);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outTrackId", cardId);
        body.put("corpId", "dingtestcorp");
        body.put("userId", userId);
        body.put("type", "actionCallback");
        body.put("content", json.writeValueAsString(Map.of("cardPrivateData",
                Map.of("actionIds", List.of(decision), "params", params))));
        return json.writeValueAsString(body);
    }

    private List<LoggedRequest> cardsFor(Task task) {
        return TestPeers.peers().findAll(postRequestedFor(urlPathEqualTo(
                "/dingtalk/v1.0/im/v1.0/robot/interactiveCards/send"))
                .withRequestBody(matchingJsonPath("$.cardBizId", containing(task.getId()))));
    }

    private Contract submit(String owner, String amount) {
        return contractService.submit(testContracts.draft(owner, amount), owner);
    }

    private Task openTask(Contract contract) {
        return tasks.createTaskQuery().processInstanceId(contract.getProcessInstanceId())
                .taskDefinitionKey("approveContract").singleResult();
    }
}
