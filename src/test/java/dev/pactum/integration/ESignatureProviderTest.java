package dev.pactum.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.TestPeers;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractStatus;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.document.DocumentKind;
import dev.pactum.document.DocumentVersionInfo;
import dev.pactum.notification.InAppNotification;
import dev.pactum.notification.InAppNotificationRepository;
import dev.pactum.obligation.AfterApprovalContracts;
import dev.pactum.obligation.CounterSignatureRoute;
import dev.pactum.obligation.SigningDriver;
import dev.pactum.obligation.SigningProvider;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counterparty's signature through e签宝, on the real engine against a real HTTP server (WireMock) answering in
 * the shapes of e签宝's open API v3 documentation, with callbacks signed as e签宝 signs them (computed here, not by
 * Pactum's code): sent once, signed back by callback, refused, replayed, forged, and e签宝 down.
 */
@PactumTest
class ESignatureProviderTest {

    private static final String SEND = "sendForCounterSignature";
    private static final String JSON = "application/json; charset=UTF-8";

    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired AfterApprovalContracts afterApproval;
    @Autowired SigningDriver signing;
    @Autowired ContractProcessDriver driver;
    @Autowired ContractDocumentService documents;
    @Autowired InAppNotificationRepository notifications;
    @Autowired CounterSignatureRoute route;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    private final WireMockServer esign = TestPeers.peers();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void routeThroughEsign() {
        AbstractAssertions.init(engine);
        route.overrideForTests(SigningProvider.ESIGN);
    }

    @AfterEach
    void backToUpload() {
        route.overrideForTests(null);
        ClockUtil.reset();
    }

    @Test
    void theSignedPdfComesBackByCallbackIsVerifiedStoredAndTheContractIsSignedOnce() throws Exception {
        ProcessInstance instance = companySigned("200000");
        Contract contract = driver.contract(instance);
        assertThat(instance).isWaitingAt("awaitCounterSignature", SEND);
        String flowId = stubEsignAccepts(contract);

        signing.execute(instance, SEND);

        assertThat(instance).isWaitingAt("awaitCounterSignature").hasPassed(SEND);
        byte[] companySigned = documents.latest(contract.getId(), DocumentKind.COMPANY_SIGNED).orElseThrow().content();
        esign.verify(1, putRequestedFor(urlEqualTo(ossPath(contract)))
                .withHeader("Content-MD5", equalTo(md5(companySigned))).withHeader("Content-Type",
                        equalTo("application/pdf")));
        assertThat(esign.findAll(putRequestedFor(urlEqualTo(ossPath(contract)))).get(0).getBody())
                .isEqualTo(companySigned);
        LoggedRequest create = onlyCreateOf(contract);
        assertThat(create.getHeader("X-Tsign-Open-App-Id")).isEqualTo(TestPeers.ESIGN_APP_ID);
        assertThat(create.getHeader("X-Tsign-Open-Auth-Mode")).isEqualTo("Signature");
        assertThat(create.getHeader("Content-MD5")).isEqualTo(md5(create.getBody()));
        assertThat(create.getHeader("X-Tsign-Open-Ca-Signature")).isEqualTo(Base64.getEncoder().encodeToString(
                hmac("POST\n*/*\n" + md5(create.getBody()) + "\n" + JSON + "\n\n/v3/sign-flow/create-by-file")));
        JsonNode body = json.readTree(create.getBody());
        assertThat(body.at("/docs/0/fileId").asText()).isEqualTo("file-" + contract.getNumber());
        assertThat(body.at("/signFlowConfig/autoFinish").asBoolean()).isTrue();
        assertThat(body.at("/signFlowConfig/notifyUrl").asText())
                .isEqualTo("https://pactum.example.com/api/integrations/esign/esign/callback");
        java.util.Map<String, Object> customer = jdbc.queryForMap("""
                select c.name, c.credit_code from customer c join contract k on k.customer_id = c.id
                where k.id = ?""", contract.getId());
        assertThat(body.at("/signers/0/orgSignerInfo/orgName").asText()).isEqualTo(customer.get("name"));
        assertThat(body.at("/signers/0/orgSignerInfo/orgInfo/orgIDCardNum").asText())
                .isEqualTo(customer.get("credit_code"));
        assertThat(body.at("/signers/0/orgSignerInfo/transactorInfo/psnAccount").asText()).isEqualTo("010-0000-0000");
        assertThat(body.at("/signers/0/orgSignerInfo/transactorInfo/psnInfo/psnName").asText()).isEqualTo("测试联系人");
        assertThat(jdbc.queryForObject("select flow_id from esign_flow where contract_id = ?", String.class,
                contract.getId())).isEqualTo(flowId);

        // An operator runs the step again (Cockpit, "modify"): the flow exists, nothing is sent twice.
        runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity(SEND).execute();
        signing.execute(instance, SEND);
        assertThat(esign.findAll(postRequestedFor(urlEqualTo("/esign/v3/sign-flow/create-by-file"))
                .withRequestBody(matchingJsonPath("$.docs[0].fileName", equalTo(contract.getNumber() + ".pdf")))))
                .hasSize(1);

        byte[] signedByBoth = signing.counterSigned(contract);
        stubSignedFile(flowId, signedByBoth);
        String completed = flowComplete(flowId, "2", "完成");
        HttpResponse<String> first = callback(completed, now(), null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json.readTree(first.body()).at("/duplicate").asBoolean()).isFalse();

        Contract signed = driver.contract(instance);
        assertThat(signed.getStatus()).isEqualTo(ContractStatus.SIGNED);
        assertThat(instance).isWaitingAt("awaitStartDate").hasPassed("counterSigned", "recordContractSigned");
        List<DocumentVersionInfo> versions = documents.versions(contract.getId());
        assertThat(versions).extracting(DocumentVersionInfo::kind)
                .containsExactly(DocumentKind.RENDERED, DocumentKind.COMPANY_SIGNED, DocumentKind.COUNTER_SIGNED);
        assertThat(versions.get(2).sha256()).isEqualTo(sha256(signedByBoth));
        assertThat(documents.latest(contract.getId()).orElseThrow().content()).isEqualTo(signedByBoth);
        assertThat(jdbc.queryForObject("select counter_signed_by from contract_signing where contract_id = ?",
                String.class, contract.getId())).isEqualTo("esign");
        assertThat(jdbc.queryForObject("select status from esign_flow where contract_id = ?", String.class,
                contract.getId())).isEqualTo("SIGNED");
        ApiClient.Response shown = api.send("sales1", "GET", "/api/contracts/" + contract.getId(), null, "en");
        assertThat(shown.body().at("/signing/provider").asText()).isEqualTo("esign");
        assertThat(shown.body().at("/signing/counterSignedBy").asText()).isEqualTo("esign");

        // e签宝 sends it again (its retry, same body) and again later with a fresh timestamp: one effect.
        HttpResponse<String> again = callback(completed, now(), null);
        HttpResponse<String> later = callback(completed, now() + 1000, null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).at("/duplicate").asBoolean()).isTrue();
        assertThat(json.readTree(later.body()).at("/duplicate").asBoolean()).isTrue();
        esign.verify(1, getRequestedFor(urlEqualTo("/esign/v3/sign-flow/" + flowId + "/file-download-url")));
        assertThat(documents.versions(contract.getId())).hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from esign_callback where flow_id = ?", Integer.class,
                flowId)).isEqualTo(1);
    }

    @Test
    void aForgedOrStaleCallbackIsA401ProblemAndChangesNothing() throws Exception {
        ProcessInstance instance = companySigned("150000");
        Contract contract = driver.contract(instance);
        String flowId = stubEsignAccepts(contract);
        signing.execute(instance, SEND);
        stubSignedFile(flowId, signing.counterSigned(contract));
        String completed = flowComplete(flowId, "2", "完成");
        int stored = jdbc.queryForObject("select count(*) from esign_callback", Integer.class);

        HttpResponse<String> forged = callback(completed, now(), "0".repeat(64));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(forged.body()).at("/detail").asText()).contains("X-Tsign-Open-SIGNATURE");
        // Signed with the right secret, but over another body than the one sent.
        long at = now();
        HttpResponse<String> swapped = send(flowComplete(flowId, "2", "完成 "), at, hex(hmac(at + completed)));
        assertThat(swapped.statusCode()).isEqualTo(401);
        long old = now() - Duration.ofMinutes(6).toMillis();
        HttpResponse<String> stale = callback(completed, old, null);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(json.readTree(stale.body()).at("/detail").asText()).contains("replay");
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(api.uri(callbackPath()))
                .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString(completed)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(json.readTree(unsigned.body()).at("/detail").asText()).contains("缺少");

        assertThat(jdbc.queryForObject("select count(*) from esign_callback", Integer.class)).isEqualTo(stored);
        esign.verify(0, getRequestedFor(urlEqualTo("/esign/v3/sign-flow/" + flowId + "/file-download-url")));
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.SIGNING);
        assertThat(callback(completed, now(), null).statusCode()).isEqualTo(200);
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.SIGNED);
    }

    @Test
    void aRefusedFlowTellsTheOwnerAndTheUploadStaysOpen() throws Exception {
        ProcessInstance instance = companySigned("120000");
        Contract contract = driver.contract(instance);
        String flowId = stubEsignAccepts(contract);
        signing.execute(instance, SEND);

        HttpResponse<String> refused = callback(flowComplete(flowId, "7", "签署方拒签"), now(), null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(kinds(contract, "sales1")).containsExactly("signature-declined");
        assertThat(jdbc.queryForObject("select status from esign_flow where contract_id = ?", String.class,
                contract.getId())).isEqualTo("REFUSED");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.SIGNING);
        assertThat(instance).isWaitingAt("awaitCounterSignature");

        ApiClient.Response uploaded = signing.upload("sales1", contract.getId(), signing.counterSigned(contract));
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.SIGNED);
    }

    @Test
    void esignDownForTheWholeRetryWindowIsAnIncidentWhileTheUploadPathStaysOpen() throws Exception {
        ProcessInstance instance = companySigned("110000");
        Contract contract = driver.contract(instance);
        esign.stubFor(post(urlEqualTo("/esign/v3/files/file-upload-url"))
                .withRequestBody(matchingJsonPath("$.fileName", equalTo(contract.getNumber() + ".pdf")))
                .willReturn(aResponse().withStatus(503).withBody("维护中 maintenance")));

        int attempts = 0;
        while (sendJob(instance).getRetries() > 0) {
            String jobId = sendJob(instance).getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("503");
            attempts++;
        }

        assertThat(attempts).isGreaterThan(1);
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(SEND);
        assertThat(incident.getIncidentMessage()).contains("esign").contains("503").contains("maintenance");
        esign.verify(0, postRequestedFor(urlEqualTo("/esign/v3/sign-flow/create-by-file"))
                .withRequestBody(matchingJsonPath("$.docs[0].fileName", equalTo(contract.getNumber() + ".pdf"))));
        assertThat(instance).isWaitingAt("awaitCounterSignature");

        ApiClient.Response uploaded = signing.upload("sales1", contract.getId(), signing.counterSigned(contract));
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.SIGNED);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId(SEND).count()).isZero();
    }

    @Test
    void aRefusalInTheAnswerIsAnIncidentAtOnce() throws Exception {
        ProcessInstance instance = companySigned("105000");
        Contract contract = driver.contract(instance);
        esign.stubFor(post(urlEqualTo("/esign/v3/files/file-upload-url"))
                .withRequestBody(matchingJsonPath("$.fileName", equalTo(contract.getNumber() + ".pdf")))
                .willReturn(okJson("{\"code\": 1435002, \"message\": \"参数错误: fileSize\", \"data\": null}")));

        String jobId = sendJob(instance).getId();
        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("1435002");

        assertThat(sendJob(instance).getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult()
                .getIncidentMessage()).contains("参数错误");
    }

    @Test
    void theSignatureReminderAndEscalationStillComeWhileTheProviderFlowIsOpen() throws Exception {
        ProcessInstance instance = companySigned("100000");
        Contract contract = driver.contract(instance);
        stubEsignAccepts(contract);
        signing.execute(instance, SEND);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(3)).plusSeconds(60)));
        signing.execute(instance, "signatureReminderDue");
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(10)).plusSeconds(60)));
        signing.execute(instance, "signatureOverdue");

        assertThat(kinds(contract, "sales1")).containsExactly("signature-reminder", "signature-escalated");
        assertThat(kinds(contract, "manager1")).containsExactly("signature-escalated");
        assertThat(instance).isWaitingAt("awaitCounterSignature");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    private ProcessInstance companySigned(String amount) {
        ProcessInstance instance = afterApproval.approved(amount, List.of());
        signing.companySigns(instance);
        return instance;
    }

    /** e签宝 takes the file and opens a flow; @return the flow's id */
    private String stubEsignAccepts(Contract contract) {
        String number = contract.getNumber();
        String fileId = "file-" + number;
        String flowId = "flow-" + number;
        esign.stubFor(post(urlEqualTo("/esign/v3/files/file-upload-url"))
                .withRequestBody(matchingJsonPath("$.fileName", equalTo(number + ".pdf")))
                .willReturn(okJson("""
                        {"code": 0, "message": "成功", "data": {"fileId": "%s", "fileUploadUrl": "%s"}}"""
                        .formatted(fileId, esign.baseUrl() + ossPath(contract)))));
        esign.stubFor(put(urlEqualTo(ossPath(contract))).willReturn(okJson("{\"errCode\": 0, \"msg\": \"成功\"}")));
        esign.stubFor(get(urlEqualTo("/esign/v3/files/" + fileId)).willReturn(okJson("""
                {"code": 0, "message": "成功", "data": {"fileId": "%s", "fileName": "%s.pdf", "fileStatus": 2}}"""
                .formatted(fileId, number))));
        esign.stubFor(post(urlEqualTo("/esign/v3/sign-flow/create-by-file"))
                .withRequestBody(matchingJsonPath("$.docs[0].fileId", equalTo(fileId)))
                .willReturn(okJson("{\"code\": 0, \"message\": \"成功\", \"data\": {\"signFlowId\": \"" + flowId
                        + "\"}}")));
        return flowId;
    }

    private void stubSignedFile(String flowId, byte[] pdf) {
        String download = "/esign-oss/signed/" + flowId + ".pdf";
        esign.stubFor(get(urlEqualTo("/esign/v3/sign-flow/" + flowId + "/file-download-url")).willReturn(okJson("""
                {"code": 0, "message": "成功", "data": {"files": [{"fileId": "signed-%s", "fileName": "合同.pdf",
                 "downloadUrl": "%s"}], "attachments": []}}""".formatted(flowId, esign.baseUrl() + download))));
        esign.stubFor(get(urlEqualTo(download)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(pdf)));
    }

    private LoggedRequest onlyCreateOf(Contract contract) {
        List<LoggedRequest> creates = esign.findAll(postRequestedFor(urlEqualTo("/esign/v3/sign-flow/create-by-file"))
                .withRequestBody(matchingJsonPath("$.docs[0].fileName", equalTo(contract.getNumber() + ".pdf"))));
        assertThat(creates).hasSize(1);
        return creates.get(0);
    }

    private Job sendJob(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(SEND).singleResult();
    }

    private static String ossPath(Contract contract) {
        return "/esign-oss/upload/" + contract.getNumber();
    }

    private static String flowComplete(String flowId, String status, String description) {
        return """
                {"action":"SIGN_FLOW_COMPLETE","timestamp":1650265864671,"signFlowId":"%s","signFlowTitle":"合同签署",\
                "signFlowStatus":"%s","statusDescription":"%s","signFlowCreateTime":1650265502814,\
                "signFlowStartTime":1650265503000,"signFlowFinishTime":1650265864000}"""
                .formatted(flowId, status, description);
    }

    /** Posts a callback signed as e签宝 signs it (or with the given signature instead). */
    private HttpResponse<String> callback(String body, long timestamp, String signature) throws Exception {
        return send(body, timestamp, signature != null ? signature : hex(hmac(timestamp + body)));
    }

    private HttpResponse<String> send(String body, long timestamp, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(api.uri(callbackPath()))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .header("X-Tsign-Open-App-Id", TestPeers.ESIGN_APP_ID)
                .header("X-Tsign-Open-TIMESTAMP", Long.toString(timestamp))
                .header("X-Tsign-Open-SIGNATURE-ALGORITHM", "hmac-sha256")
                .header("X-Tsign-Open-SIGNATURE", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String callbackPath() {
        return "/api/integrations/esign/esign/callback";
    }

    private static long now() {
        return ClockUtil.getCurrentTime().getTime();
    }

    private List<String> kinds(Contract contract, String recipient) {
        return notifications.findByContractIdOrderByIdAsc(contract.getId()).stream()
                .filter(n -> n.getRecipient().equals(recipient)).map(InAppNotification::getKind).toList();
    }

    private static byte[] hmac(String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestPeers.ESIGN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String md5(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
