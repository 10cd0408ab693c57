package dev.pactum.approval;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import dev.pactum.risk.RiskAssessment;
import dev.pactum.risk.RiskRecords;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Approving from a WeCom card over real HTTP: the template_card WeCom's API receives (WireMock), and callbacks
 * encrypted and signed here as WeCom does it (AES-256-CBC under the EncodingAESKey, PKCS#7 to 32 bytes, the corp id
 * after the message; msg_signature = SHA-1 of the sorted token, timestamp, nonce and Encrypt).
 */
@PactumTest
class WeComCardApprovalTest {

    private static final String PATH = "/api/integrations/im/wecom/card-action";

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
    @Autowired WeComCards wecom;

    private final SecureRandom random = new SecureRandom();

    @BeforeEach
    void weComAnswers() {
        TestPeers.peers().stubFor(get(urlPathEqualTo("/wecom/cgi-bin/gettoken"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"wc-test-token\","
                        + "\"expires_in\":7200}")));
        TestPeers.peers().stubFor(post(urlPathEqualTo("/wecom/cgi-bin/message/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"wc-msg\"}")));
    }

    @Test
    void candidateApproversGetAButtonInteractionCardWithTheContractAndTheTwoButtons() throws Exception {
        Contract contract = submit("sales1", "300000");
        Task task = openTask(contract);

        List<LoggedRequest> sent = cardsFor(task);
        assertThat(sent).extracting(request -> json.readTree(request.getBodyAsString()).get("touser").asText())
                .containsExactlyInAnyOrder("wc-manager1", "wc-manager2");
        LoggedRequest toManager1 = sent.stream()
                .filter(request -> request.getBodyAsString().contains("wc-manager1")).findFirst().orElseThrow();
        assertThat(toManager1.queryParameter("access_token").firstValue()).isEqualTo("wc-test-token");
        assertThat(TestPeers.peers().findAll(getRequestedFor(
                urlPathEqualTo("/wecom/cgi-bin/gettoken"))).get(0).queryParameter("corpid").firstValue())
                .isEqualTo(TestPeers.WECOM_CORP_ID);
        JsonNode message = json.readTree(toManager1.getBodyAsString());
        assertThat(message.get("msgtype").asText()).isEqualTo("template_card");
        assertThat(message.get("agentid").asLong()).isEqualTo(1000002L);
        JsonNode card = message.get("template_card");
        assertThat(card.get("card_type").asText()).isEqualTo("button_interaction");
        assertThat(card.get("task_id").asText()).isEqualTo(wecom.cardId(contract.getId(), task.getId(),
                "wc-manager1")).startsWith(contract.getId() + "@" + task.getId() + "@").matches("[A-Za-z0-9_@-]+");
        assertThat(card.at("/main_title/title").asText()).isEqualTo("合同审批 " + contract.getNumber());
        assertThat(card.at("/main_title/desc").asText()).isEqualTo(contract.getTitle());
        String risk = risks.latest(contract.getId()).map(RiskAssessment::level).orElseThrow().name();
        assertThat(card.get("horizontal_content_list")).isEqualTo(json.readTree("""
                [{"keyname":"客户","value":"%s"},{"keyname":"金额","value":"%s"},{"keyname":"风险","value":"%s"}]
                """.formatted(contract.getCustomer().getName().length() > 26
                        ? contract.getCustomer().getName().substring(0, 25) + "…" : contract.getCustomer().getName(),
                ApprovalFormVariables.amountText(contract), risk)));
        assertThat(card.at("/jump_list/1/url").asText())
                .isEqualTo(pactum.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        assertThat(card.get("button_list")).isEqualTo(json.readTree("""
                [{"text":"通过","style":1,"key":"approve"},{"text":"驳回","style":2,"key":"reject"}]"""));
    }

    @Test
    void approvingFromWeComClosesTheLevelAsTasklistDoesAndTheAuditSaysViaWeCom() throws Exception {
        Contract contract = submit("sales1", "300000");
        Task task = openTask(contract);

        HttpResponse<String> answer = click("wc-manager1", task, contract, "approve", clock.millis() / 1000);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("outcome").asText()).isEqualTo("DONE");
        assertThat(body.get("message").asText()).contains("已同意合同 " + contract.getNumber());
        assertThat(driver.level(contract, 1).getState()).isEqualTo(ApprovalLevelState.APPROVED);
        ApprovalDecision decision = driver.decisions(contract).get(0);
        assertThat(decision.getDecidedBy()).isEqualTo("manager1");
        assertThat(decision.getDecision()).isEqualTo(Decision.APPROVE);
        assertThat(jdbc.queryForList("""
                select detail from audit_event where actor = 'manager1' and action = 'TASK_COMPLETE'
                and object_id = ?""", String.class, task.getId()))
                .singleElement().asString().contains("via WeCom 企业微信 card", "wc-manager1",
                        "APPROVE " + contract.getNumber());
    }

    @Test
    void rejectingWithoutACommentIsRefusedAndNothingChanges() throws Exception {
        Contract contract = submit("sales1", "320000");
        Task task = openTask(contract);

        JsonNode answer = json.readTree(click("wc-manager2", task, contract, "reject", clock.millis() / 1000).body());

        assertThat(answer.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(answer.get("message").asText()).contains("A comment is required");
        assertThat(openTask(contract).getAssignee()).isNull();
        assertThat(driver.decisions(contract)).isEmpty();
    }

    @Test
    void someoneWhoIsNotACandidateIsRefusedAndNothingChanges() throws Exception {
        Contract contract = submit("sales1", "330000");
        Task task = openTask(contract);

        JsonNode answer = json.readTree(click("wc-legal1", task, contract, "approve", clock.millis() / 1000).body());

        assertThat(answer.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(answer.get("message").asText()).contains("legal1");
        assertThat(openTask(contract).getAssignee()).isNull();
        assertThat(driver.decisions(contract)).isEmpty();
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where actor = 'legal1' and action = 'IM_CARD_ACTION_REFUSED'
                and object_id = ?""", Integer.class, task.getId())).isEqualTo(1);
    }

    @Test
    void theSameCallbackReplayedHasOneEffectAndTheSameAnswer() throws Exception {
        Contract contract = submit("sales1", "360000");
        Task task = openTask(contract);
        long now = clock.millis() / 1000;
        String event = eventXml("wc-manager1", wecom.cardId(contract.getId(), task.getId(), "wc-manager1"),
                "approve", now);

        HttpResponse<String> first = send(event, now, TestPeers.WECOM_TOKEN, TestPeers.WECOM_CORP_ID);
        // The same event re-delivered (WeCom retries): encrypted afresh, another nonce, the same CreateTime.
        HttpResponse<String> replayed = send(event, now, TestPeers.WECOM_TOKEN, TestPeers.WECOM_CORP_ID);

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(replayed.body())).isEqualTo(json.readTree(first.body()));
        assertThat(driver.decisions(contract)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from im_card_action where provider = 'wecom' and task_id = ?",
                Integer.class, task.getId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where action = 'TASK_COMPLETE' and object_id = ?""",
                Integer.class, task.getId())).isEqualTo(1);
    }

    @Test
    void aForgedStaleUndecryptableMisdirectedOrOtherCorpsCallbackIs401ProblemAndNothingIsWritten()
            throws Exception {
        Contract contract = submit("sales1", "370000");
        Task task = openTask(contract);
        long now = clock.millis() / 1000;
        String cardId = wecom.cardId(contract.getId(), task.getId(), "wc-manager1");
        String event = eventXml("wc-manager1", cardId, "approve", now);
        // A card sent to manager1, its event rewritten to speak for manager2, properly encrypted and signed.
        String misdirected = eventXml("wc-manager2", cardId, "approve", now);
        String encrypted = encrypt(event, TestPeers.WECOM_CORP_ID);
        String nonce = "1372623149";
        String signature = sha1(TestPeers.WECOM_TOKEN, Long.toString(now), nonce, encrypted);
        String tampered = encrypted.substring(0, 10) + (encrypted.charAt(10) == 'A' ? 'B' : 'A')
                + encrypted.substring(11);

        List<HttpResponse<String>> refused = List.of(
                send(event, now, "wrong-token", TestPeers.WECOM_CORP_ID),
                send(event, now - 600, TestPeers.WECOM_TOKEN, TestPeers.WECOM_CORP_ID),
                send(event, now, TestPeers.WECOM_TOKEN, "wwothercorp"),
                send(misdirected, now, TestPeers.WECOM_TOKEN, TestPeers.WECOM_CORP_ID),
                // The body changed under the signature of the original.
                postSigned(envelope(tampered), now, nonce, signature),
                // Signed properly, but not by WeCom's key: nothing decrypts.
                postSigned(envelope(Base64.getEncoder().encodeToString(new byte[64])), now, nonce,
                        sha1(TestPeers.WECOM_TOKEN, Long.toString(now), nonce,
                                Base64.getEncoder().encodeToString(new byte[64]))),
                api.send(api.request(null, "POST", PATH, envelope(encrypted), null),
                        HttpResponse.BodyHandlers.ofString()));

        for (HttpResponse<String> answer : refused) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(json.readTree(refused.get(0).body()).get("detail").asText()).contains("msg_signature");
        assertThat(json.readTree(refused.get(2).body()).get("detail").asText()).contains("CorpID");
        assertThat(jdbc.queryForObject("select count(*) from im_card_action where provider = 'wecom' and task_id = ?",
                Integer.class, task.getId())).isZero();
        assertThat(openTask(contract).getAssignee()).isNull();
        assertThat(driver.decisions(contract)).isEmpty();
    }

    @Test
    void theUrlCheckIsAnsweredWithTheDecryptedEchostrOnlyWhenSigned() throws Exception {
        long now = clock.millis() / 1000;
        String echo = "6317549301523788301";
        String echostr = encrypt(echo, TestPeers.WECOM_CORP_ID);
        String nonce = "1597212914";

        HttpResponse<String> answer = verify(echostr, now, nonce,
                sha1(TestPeers.WECOM_TOKEN, Long.toString(now), nonce, echostr));
        HttpResponse<String> forged = verify(echostr, now, nonce, sha1("wrong-token", Long.toString(now), nonce,
                echostr));
        String otherCorp = encrypt(echo, "wwothercorp");
        HttpResponse<String> wrongCorp = verify(otherCorp, now, nonce,
                sha1(TestPeers.WECOM_TOKEN, Long.toString(now), nonce, otherCorp));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(echo);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(wrongCorp.statusCode()).isEqualTo(401);
        assertThat(wrongCorp.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void anXmlBodyWithADoctypeIsNotReadEvenWhenSigned() throws Exception {
        Contract contract = submit("sales1", "380000");
        Task task = openTask(contract);
        long now = clock.millis() / 1000;
        String event = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY who \"wc-manager1\">]>"
                + eventXml("&who;", wecom.cardId(contract.getId(), task.getId(), "wc-manager1"), "approve", now);

        HttpResponse<String> answer = send(event, now, TestPeers.WECOM_TOKEN, TestPeers.WECOM_CORP_ID);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(driver.decisions(contract)).isEmpty();
    }

    private HttpResponse<String> click(String userId, Task task, Contract contract, String key, long seconds)
            throws Exception {
        String event = eventXml(userId, wecom.cardId(contract.getId(), task.getId(), userId), key, seconds);
        return send(event, seconds, TestPeers.WECOM_TOKEN, TestPeers.WECOM_CORP_ID);
    }

    /** Encrypts the event for corpId, signs it with token, and posts it as WeCom does. */
    private HttpResponse<String> send(String eventXml, long seconds, String token, String corpId) throws Exception {
        String encrypted = encrypt(eventXml, corpId);
        String nonce = Long.toString(random.nextLong() & Long.MAX_VALUE);
        return postSigned(envelope(encrypted), seconds, nonce, sha1(token, Long.toString(seconds), nonce, encrypted));
    }

    private HttpResponse<String> postSigned(String body, long seconds, String nonce, String signature) throws Exception {
        String uri = PATH + "?msg_signature=" + signature + "&timestamp=" + seconds + "&nonce=" + nonce;
        HttpRequest.Builder request = api.request(null, "POST", uri, body, null).setHeader("Content-Type", "text/xml");
        return api.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> verify(String echostr, long seconds, String nonce, String signature)
            throws Exception {
        String uri = PATH + "?msg_signature=" + signature + "&timestamp=" + seconds + "&nonce=" + nonce
                + "&echostr=" + URLEncoder.encode(echostr, StandardCharsets.UTF_8);
        return api.send(api.request(null, "GET", uri, null, null), HttpResponse.BodyHandlers.ofString());
    }

    private static String envelope(String encrypted) {
        return "<xml><ToUserName><![CDATA[" + TestPeers.WECOM_CORP_ID + "]]></ToUserName><AgentID><![CDATA[1000002]]>"
                + "</AgentID><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
    }

    /** A template_card_event as WeCom sends it when a button of a button_interaction card is clicked. */
    private static String eventXml(String userId, String cardId, String key, long seconds) {
        return "<xml><ToUserName><![CDATA[" + TestPeers.WECOM_CORP_ID + "]]></ToUserName>"
                + "<FromUserName>" + userId + "</FromUserName><CreateTime>" + seconds + "</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>"
                + "<EventKey><![CDATA[" + key + "]]></EventKey><TaskId><![CDATA[" + cardId + "]]></TaskId>"
                + "<CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[rc-test]]></ResponseCode>"
                + "<AgentID>1000002</AgentID><SelectedItems></SelectedItems></xml>";
    }

    /** WeCom's encryption: 16 random bytes, 4-byte length, message, corp id; PKCS#7 to 32; AES-256-CBC. */
    private String encrypt(String message, String corpId) throws Exception {
        byte[] key = Base64.getDecoder().decode(TestPeers.WECOM_AES_KEY + "=");
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        plain.write(nonce);
        plain.write(ByteBuffer.allocate(4).putInt(text.length).array());
        plain.write(text);
        plain.write(corpId.getBytes(StandardCharsets.UTF_8));
        int pad = 32 - plain.size() % 32;
        for (int i = 0; i < pad; i++) {
            plain.write(pad);
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return Base64.getEncoder().encodeToString(cipher.doFinal(plain.toByteArray()));
    }

    private static String sha1(String... values) throws Exception {
        String[] sorted = values.clone();
        Arrays.sort(sorted);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
    }

    private List<LoggedRequest> cardsFor(Task task) {
        return TestPeers.peers().findAll(postRequestedFor(urlPathEqualTo("/wecom/cgi-bin/message/send"))
                .withRequestBody(matchingJsonPath("$.template_card.task_id", containing(task.getId()))));
    }

    private Contract submit(String owner, String amount) {
        return contractService.submit(testContracts.draft(owner, amount), owner);
    }

    private Task openTask(Contract contract) {
        return tasks.createTaskQuery().processInstanceId(contract.getProcessInstanceId())
                .taskDefinitionKey("approveContract").singleResult();
    }
}
