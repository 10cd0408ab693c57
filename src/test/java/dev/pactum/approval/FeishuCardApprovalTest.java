package dev.pactum.approval;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import dev.pactum.risk.RiskLevel;
import dev.pactum.risk.RiskRecords;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Approving from a Feishu card over real HTTP: the card Feishu's API receives (WireMock), and card.action.trigger
 * callbacks signed as Feishu signs them (X-Lark-Signature = SHA-256 of timestamp + nonce + encrypt key + body).
 */
@PactumTest
class FeishuCardApprovalTest {

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

    @BeforeEach
    void feishuAnswers() {
        TestPeers.peers().stubFor(post(urlPathEqualTo("/feishu/open-apis/auth/v3/tenant_access_token/internal"))
                .willReturn(okJson("{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-test-tenant\",\"expire\":7200}")));
        TestPeers.peers().stubFor(post(urlPathEqualTo("/feishu/open-apis/im/v1/messages"))
                .willReturn(okJson("{\"code\":0,\"msg\":\"success\",\"data\":{\"message_id\":\"om_test\"}}")));
    }

    @Test
    void candidateApproversGetTheCardWithTheContractLinksAndButtons() throws Exception {
        Contract contract = submit("sales1", "300000");
        Task task = openTask(contract);

        List<LoggedRequest> sent = cardsFor(task);
        assertThat(sent).extracting(request -> json.readTree(request.getBodyAsString()).get("receive_id").asText())
                .containsExactlyInAnyOrder("ou_manager1", "ou_manager2");
        LoggedRequest toManager1 = sent.stream()
                .filter(request -> request.getBodyAsString().contains("ou_manager1")).findFirst().orElseThrow();
        assertThat(toManager1.getHeader("Authorization")).isEqualTo("Bearer t-test-tenant");
        assertThat(toManager1.queryParameter("receive_id_type").firstValue()).isEqualTo("open_id");
        JsonNode message = json.readTree(toManager1.getBodyAsString());
        assertThat(message.get("msg_type").asText()).isEqualTo("interactive");
        String base = pactum.baseUrl();
        String value = "{\"taskId\":\"%s\",\"contractId\":%d,\"decision\":\"%%s\"}".formatted(task.getId(),
                contract.getId());
        JsonNode expected = json.readTree("""
                {"schema":"2.0","config":{"update_multi":true},
                 "header":{"title":{"tag":"plain_text","content":"合同审批 Approval %1$s"},"template":"blue"},
                 "body":{"elements":[
                  {"tag":"div","text":{"tag":"plain_text","content":"合同 Contract: %1$s · %2$s"}},
                  {"tag":"div","text":{"tag":"plain_text","content":"客户 Customer: %3$s"}},
                  {"tag":"div","text":{"tag":"plain_text","content":"金额 Amount: %4$s"}},
                  {"tag":"div","text":{"tag":"plain_text","content":"风险 Risk: %5$s"}},
                  {"tag":"markdown","content":"[查看合同 Open contract](%6$s/contracts/%7$d) · [在 Tasklist 中审批 Open in Tasklist](%6$s/camunda/app/tasklist/default/#/?task=%8$s)"},
                  {"tag":"form","name":"decision","elements":[
                   {"tag":"input","name":"comment","max_length":1000,"placeholder":{"tag":"plain_text","content":"审批意见（退回、驳回必填） Comment (required to send back or reject)"}},
                   {"tag":"button","name":"approve","text":{"tag":"plain_text","content":"同意 Approve"},"type":"primary_filled","form_action_type":"submit","behaviors":[{"type":"callback","value":%9$s}]},
                   {"tag":"button","name":"revise","text":{"tag":"plain_text","content":"退回修改 Send back"},"type":"default","form_action_type":"submit","behaviors":[{"type":"callback","value":%10$s}]},
                   {"tag":"button","name":"reject","text":{"tag":"plain_text","content":"驳回 Reject"},"type":"danger","form_action_type":"submit","behaviors":[{"type":"callback","value":%11$s}]}
                  ]}]}}
                """.formatted(contract.getNumber(), contract.getTitle(), contract.getCustomer().getName(),
                ApprovalFormVariables.amountText(contract), riskLevel(contract), base, contract.getId(),
                task.getId(), value.formatted("approve"), value.formatted("revise"), value.formatted("reject")));
        assertThat(json.readTree(message.get("content").asText())).isEqualTo(expected);
    }

    @Test
    void approvingFromFeishuClosesTheLevelAsTasklistDoesAndTheAuditNamesTheApprover() throws Exception {
        Contract contract = submit("sales1", "300000");
        Task task = openTask(contract);

        String event = UUID.randomUUID().toString();
        HttpResponse<String> answer = click(event, "ou_manager1", task, contract, "approve", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.at("/toast/type").asText()).isEqualTo("success");
        assertThat(body.at("/toast/content").asText()).contains("已同意合同 " + contract.getNumber());
        assertThat(body.at("/card/type").asText()).isEqualTo("raw");
        assertThat(body.at("/card/data/header/template").asText()).isEqualTo("green");
        assertThat(body.at("/card/data").toString()).contains("manager1 于").doesNotContain("\"form\"");
        assertThat(driver.level(contract, 1).getState()).isEqualTo(ApprovalLevelState.APPROVED);
        ApprovalDecision decision = driver.decisions(contract).get(0);
        assertThat(decision.getDecidedBy()).isEqualTo("manager1");
        assertThat(decision.getDecision()).isEqualTo(Decision.APPROVE);
        assertThat(decision.getTaskId()).isEqualTo(task.getId());
        assertThat(jdbc.queryForList("""
                select detail from audit_event where actor = 'manager1' and action = 'TASK_COMPLETE'
                and object_id = ?""", String.class, task.getId()))
                .singleElement().asString().contains("Feishu", "ou_manager1", "APPROVE " + contract.getNumber());
    }

    @Test
    void rejectingNeedsACommentAndThenEndsTheRoundWithIt() throws Exception {
        Contract contract = submit("sales1", "320000");
        Task task = openTask(contract);

        JsonNode withoutComment = json.readTree(click(UUID.randomUUID().toString(), "ou_manager2", task, contract,
                "reject", "  ").body());
        assertThat(withoutComment.at("/toast/type").asText()).isEqualTo("error");
        assertThat(withoutComment.at("/toast/content").asText()).contains("A comment is required");
        assertThat(withoutComment.has("card")).isFalse();
        assertThat(openTask(contract).getAssignee()).isNull();
        assertThat(driver.decisions(contract)).isEmpty();

        JsonNode rejected = json.readTree(click(UUID.randomUUID().toString(), "ou_manager2", task, contract,
                "reject", "价格过低").body());
        assertThat(rejected.at("/toast/type").asText()).isEqualTo("success");
        assertThat(driver.level(contract, 1).getState()).isEqualTo(ApprovalLevelState.REJECTED);
        ApprovalDecision decision = driver.decisions(contract).get(0);
        assertThat(decision.getDecidedBy()).isEqualTo("manager2");
        assertThat(decision.getComment()).isEqualTo("价格过低");
    }

    @Test
    void someoneOutsideTheTasksGroupsIsRefusedAndNothingChanges() throws Exception {
        Contract contract = submit("sales1", "330000");
        Task task = openTask(contract);

        JsonNode answer = json.readTree(click(UUID.randomUUID().toString(), "ou_legal1", task, contract,
                "approve", null).body());

        assertThat(answer.at("/toast/type").asText()).isEqualTo("error");
        assertThat(answer.at("/toast/content").asText()).contains("legal1");
        assertThat(openTask(contract).getAssignee()).isNull();
        assertThat(driver.decisions(contract)).isEmpty();
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where actor = 'legal1' and action = 'IM_CARD_ACTION_REFUSED'
                and object_id = ?""", Integer.class, task.getId())).isEqualTo(1);
    }

    @Test
    void theOwnerMayNotApproveTheirOwnContractFromACard() throws Exception {
        Contract contract = submit("manager1", "340000");
        Task task = openTask(contract);
        assertThat(cardsFor(task)).extracting(LoggedRequest::getBodyAsString)
                .noneMatch(body -> body.contains("ou_manager1"));

        JsonNode answer = json.readTree(click(UUID.randomUUID().toString(), "ou_manager1", task, contract,
                "approve", null).body());

        assertThat(answer.at("/toast/type").asText()).isEqualTo("error");
        assertThat(answer.at("/toast/content").asText()).contains("manager1 owns this contract");
        assertThat(openTask(contract).getAssignee()).isNull();
        assertThat(driver.decisions(contract)).isEmpty();
    }

    @Test
    void aDecisionTakenInTasklistMakesTheCardSaySo() throws Exception {
        Contract contract = submit("sales1", "350000");
        Task task = openTask(contract);
        tasks.claim(task.getId(), "manager2");
        tasks.complete(task.getId(), ContractProcessDriver.decision("approve", null));

        JsonNode answer = json.readTree(click(UUID.randomUUID().toString(), "ou_manager1", task, contract,
                "reject", "太贵").body());

        assertThat(answer.at("/toast/type").asText()).isEqualTo("info");
        assertThat(answer.at("/toast/content").asText()).contains("已由 manager2 于", "审批（同意）",
                "already decided by manager2");
        assertThat(answer.at("/card/data").toString()).contains("已由 manager2 于").doesNotContain("\"form\"");
        assertThat(driver.decisions(contract)).singleElement()
                .satisfies(decision -> assertThat(decision.getDecision()).isEqualTo(Decision.APPROVE));
    }

    @Test
    void aTaskClaimedBySomeoneElseIsLeftToThem() throws Exception {
        Contract contract = submit("sales1", "355000");
        Task task = openTask(contract);
        tasks.claim(task.getId(), "manager2");

        JsonNode answer = json.readTree(click(UUID.randomUUID().toString(), "ou_manager1", task, contract,
                "approve", null).body());

        assertThat(answer.at("/toast/content").asText()).contains("manager2 has claimed");
        assertThat(openTask(contract).getAssignee()).isEqualTo("manager2");
        assertThat(driver.decisions(contract)).isEmpty();
    }

    @Test
    void theSameCallbackTwiceHasOneEffect() throws Exception {
        Contract contract = submit("sales1", "360000");
        Task task = openTask(contract);
        String event = UUID.randomUUID().toString();

        HttpResponse<String> first = click(event, "ou_manager1", task, contract, "revise", "请补充付款条款");
        HttpResponse<String> again = click(event, "ou_manager1", task, contract, "revise", "请补充付款条款");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body())).isEqualTo(json.readTree(first.body()));
        assertThat(driver.decisions(contract)).hasSize(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where action = 'TASK_COMPLETE' and object_id = ?""",
                Integer.class, task.getId())).isEqualTo(1);
    }

    @Test
    void anUnmappedFeishuUserIsToldSo() throws Exception {
        Contract contract = submit("sales1", "365000");
        Task task = openTask(contract);

        JsonNode answer = json.readTree(click(UUID.randomUUID().toString(), "ou_stranger", task, contract,
                "approve", null).body());

        assertThat(answer.at("/toast/type").asText()).isEqualTo("error");
        assertThat(answer.at("/toast/content").asText()).contains("ou_stranger", "not linked to a Pactum user");
        assertThat(openTask(contract).getAssignee()).isNull();
    }

    @Test
    void aBadOrStaleSignatureIs401AndNothingIsWritten() throws Exception {
        Contract contract = submit("sales1", "370000");
        Task task = openTask(contract);
        String event = UUID.randomUUID().toString();
        String body = callbackBody(event, "ou_manager1", task, contract, "approve", null);
        String now = Long.toString(clock.instant().getEpochSecond());

        HttpResponse<String> forged = send(body, now, "n0nce", FeishuCards.signature(now, "n0nce", "wrong-key",
                body.getBytes(StandardCharsets.UTF_8)));
        String old = Long.toString(clock.instant().getEpochSecond() - 600);
        HttpResponse<String> stale = send(body, old, "n0nce", FeishuCards.signature(old, "n0nce",
                TestPeers.FEISHU_ENCRYPT_KEY, body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> unsigned = api.send(api.request(null, "POST", "/api/integrations/im/feishu/card-action",
                body, null), HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> refused : List.of(forged, stale, unsigned)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(jdbc.queryForObject("select count(*) from im_card_action where event_id = ?", Integer.class,
                event)).isZero();
        assertThat(openTask(contract).getAssignee()).isNull();
        assertThat(driver.decisions(contract)).isEmpty();
    }

    @Test
    void anEncryptedCallbackIsDecryptedAfterItsSignatureChecksOut() throws Exception {
        Contract contract = submit("sales1", "380000");
        Task task = openTask(contract);
        String plain = callbackBody(UUID.randomUUID().toString(), "ou_manager1", task, contract, "approve", null);
        String body = json.writeValueAsString(Map.of("encrypt", FeishuTestCrypto.encrypt(plain,
                TestPeers.FEISHU_ENCRYPT_KEY)));
        String now = Long.toString(clock.instant().getEpochSecond());

        HttpResponse<String> answer = send(body, now, "abc", FeishuCards.signature(now, "abc",
                TestPeers.FEISHU_ENCRYPT_KEY, body.getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).at("/toast/type").asText()).isEqualTo("success");
        assertThat(driver.level(contract, 1).getState()).isEqualTo(ApprovalLevelState.APPROVED);
    }

    private HttpResponse<String> click(String eventId, String openId, Task task, Contract contract, String decision,
                                       String comment) throws Exception {
        String body = callbackBody(eventId, openId, task, contract, decision, comment);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        return send(body, timestamp, nonce, FeishuCards.signature(timestamp, nonce, TestPeers.FEISHU_ENCRYPT_KEY,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(String body, String timestamp, String nonce, String signature)
            throws Exception {
        HttpRequest.Builder request = api.request(null, "POST", "/api/integrations/im/feishu/card-action", body, null)
                .header("X-Lark-Request-Timestamp", timestamp)
                .header("X-Lark-Request-Nonce", nonce)
                .header("X-Lark-Signature", signature);
        return api.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A card.action.trigger callback (schema 2.0) as Feishu posts it for a form submitted with a button. */
    private String callbackBody(String eventId, String openId, Task task, Contract contract, String decision,
                                String comment) throws Exception {
        Map<String, Object> action = new java.util.LinkedHashMap<>();
        action.put("value", Map.of("taskId", task.getId(), "contractId", contract.getId(), "decision", decision));
        action.put("tag", "button");
        action.put("name", decision);
        if (comment != null) {
            action.put("form_value", Map.of("comment", comment));
        }
        return json.writeValueAsString(Map.of(
                "schema", "2.0",
                "header", Map.of("event_id", eventId, "token", TestPeers.FEISHU_VERIFICATION_TOKEN,
                        "create_time", Long.toString(clock.millis() * 1000), "event_type", "card.action.trigger",
                        "tenant_key", "2ca1d211f64f6438", "app_id", "cli_test_app"),
                "event", Map.of(
                        "operator", Map.of("tenant_key", "2ca1d211f64f6438", "user_id", "867gb2fd",
                                "open_id", openId, "union_id", "on_" + openId),
                        "token", "c-" + eventId,
                        "action", action,
                        "host", "im_message",
                        "context", Map.of("open_message_id", "om_test", "open_chat_id", "oc_test"))));
    }

    private List<LoggedRequest> cardsFor(Task task) {
        return TestPeers.peers().findAll(postRequestedFor(urlPathEqualTo("/feishu/open-apis/im/v1/messages"))
                .withRequestBody(matchingJsonPath("$.content", com.github.tomakehurst.wiremock.client.WireMock
                        .containing(task.getId()))));
    }

    private String riskLevel(Contract contract) {
        RiskLevel level = risks.latest(contract.getId()).map(dev.pactum.risk.RiskAssessment::level).orElse(null);
        assertThat(level).isNotNull();
        return level.name();
    }

    private Contract submit(String owner, String amount) {
        return contractService.submit(testContracts.draft(owner, amount), owner);
    }

    private Task openTask(Contract contract) {
        return tasks.createTaskQuery().processInstanceId(contract.getProcessInstanceId())
                .taskDefinitionKey("approveContract").singleResult();
    }
}
