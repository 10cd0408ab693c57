package dev.pactum.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counterparty's signature through DocuSign, against a WireMock answering in the shapes of DocuSign's eSignature
 * REST API v2.1 documentation: the JWT grant (its RS256 assertion checked here with the app's public key), the
 * envelope, a Connect message signed with the Connect key (computed here), the combined document.
 */
@PactumTest
class DocuSignProviderTest {

    private static final String SEND = "sendForCounterSignature";
    private static final String ACCOUNT_PATH = "/docusign/restapi/v2.1/accounts/" + TestPeers.DOCUSIGN_ACCOUNT;

    @Autowired ProcessEngine engine;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired AfterApprovalContracts afterApproval;
    @Autowired SigningDriver signing;
    @Autowired ContractProcessDriver driver;
    @Autowired ContractDocumentService documents;
    @Autowired InAppNotificationRepository notifications;
    @Autowired CounterSignatureRoute route;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    private final WireMockServer docusign = TestPeers.peers();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void routeThroughDocuSign() {
        AbstractAssertions.init(engine);
        route.overrideForTests(SigningProvider.DOCUSIGN);
        docusign.stubFor(post(urlEqualTo("/docusign-account/oauth/token")).willReturn(okJson("""
                {"access_token": "ds-access-token", "token_type": "Bearer", "expires_in": 3600}""")));
    }

    @AfterEach
    void backToUpload() {
        route.overrideForTests(null);
    }

    @Test
    void theEnvelopeGoesOutWithAJwtGrantTokenAndTheCompletedDocumentComesBackByConnect() throws Exception {
        ProcessInstance instance = afterApproval.approved("300000", List.of());
        signing.companySigns(instance);
        Contract contract = driver.contract(instance);
        String envelopeId = stubEnvelopeCreated(contract);

        signing.execute(instance, SEND);

        LoggedRequest create = onlyEnvelopeOf(contract);
        assertThat(create.getHeader("Authorization")).isEqualTo("Bearer ds-access-token");
        JsonNode envelope = json.readTree(create.getBody());
        byte[] companySigned = documents.latest(contract.getId(), DocumentKind.COMPANY_SIGNED).orElseThrow().content();
        assertThat(Base64.getDecoder().decode(envelope.at("/documents/0/documentBase64").asText()))
                .isEqualTo(companySigned);
        assertThat(envelope.at("/status").asText()).isEqualTo("sent");
        assertThat(envelope.at("/recipients/signers/0/email").asText()).isEqualTo("buyer@example.com");
        assertThat(envelope.at("/recipients/signers/0/name").asText()).isEqualTo("测试联系人");
        assertThat(envelope.at("/eventNotification/url").asText())
                .isEqualTo("https://pactum.example.com/api/integrations/esign/docusign/callback");
        assertThat(envelope.at("/eventNotification/includeHMAC").asText()).isEqualTo("true");
        assertThat(jdbc.queryForObject("select flow_id from esign_flow where contract_id = ?", String.class,
                contract.getId())).isEqualTo(envelopeId);

        // The JWT grant: RS256 with the app's key, for the configured user, to the account server's host.
        List<LoggedRequest> grants = docusign.findAll(postRequestedFor(urlEqualTo("/docusign-account/oauth/token")));
        assertThat(grants).isNotEmpty();
        Map<String, String> form = Arrays.stream(grants.get(grants.size() - 1).getBodyAsString().split("&"))
                .map(pair -> pair.split("=", 2)).collect(Collectors.toMap(pair -> pair[0],
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        String[] jwt = form.get("assertion").split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(TestPeers.DOCUSIGN_APP_KEY.getPublic());
        rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.at("/sub").asText()).isEqualTo("0b9d5a31-0000-4000-8000-00000000user");
        assertThat(claims.at("/aud").asText()).isEqualTo("127.0.0.1");
        assertThat(claims.at("/scope").asText()).isEqualTo("signature impersonation");
        assertThat(claims.at("/exp").asLong() - claims.at("/iat").asLong()).isEqualTo(3600);

        // DocuSign renders the document anew and seals it: the company's signature is not in what comes back.
        byte[] rendered = documents.latest(contract.getId(), DocumentKind.RENDERED).orElseThrow().content();
        byte[] sealed = signing.signedByCounterparty(rendered);
        docusign.stubFor(get(urlEqualTo(ACCOUNT_PATH + "/envelopes/" + envelopeId + "/documents/combined"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf")
                        .withBody(sealed)));
        String completed = connect("envelope-completed", envelopeId);
        HttpResponse<String> delivered = connect(completed, "X-DocuSign-Signature-1", sign(completed));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);

        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.SIGNED);
        assertThat(instance).isWaitingAt("awaitStartDate");
        List<DocumentVersionInfo> versions = documents.versions(contract.getId());
        assertThat(versions).extracting(DocumentVersionInfo::kind)
                .containsExactly(DocumentKind.RENDERED, DocumentKind.COMPANY_SIGNED, DocumentKind.COUNTER_SIGNED);
        assertThat(versions.get(2).sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(sealed)));
        assertThat(jdbc.queryForObject("select counter_signed_by from contract_signing where contract_id = ?",
                String.class, contract.getId())).isEqualTo("docusign");

        // DocuSign retries the message (it does, until acknowledged): one effect.
        HttpResponse<String> retried = connect(completed, "X-DocuSign-Signature-1", sign(completed));
        assertThat(json.readTree(retried.body()).at("/duplicate").asBoolean()).isTrue();
        docusign.verify(1, getRequestedFor(urlEqualTo(ACCOUNT_PATH + "/envelopes/" + envelopeId
                + "/documents/combined")));
    }

    @Test
    void aConnectMessageWithoutAMatchingHmacIsA401AndWhileKeysRotateAnyOneMatchingIsEnough() throws Exception {
        ProcessInstance instance = afterApproval.approved("250000", List.of());
        signing.companySigns(instance);
        Contract contract = driver.contract(instance);
        String envelopeId = stubEnvelopeCreated(contract);
        signing.execute(instance, SEND);
        String declined = connect("envelope-declined", envelopeId);

        HttpResponse<String> forged = connect(declined, "X-DocuSign-Signature-1",
                Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(api.uri(path()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(declined))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(kinds(contract)).isEmpty();

        HttpResponse<String> rotated = http.send(HttpRequest.newBuilder(api.uri(path()))
                .header("Content-Type", "application/json")
                .header("X-DocuSign-Signature-1", Base64.getEncoder().encodeToString("old key".getBytes()))
                .header("X-DocuSign-Signature-2", sign(declined))
                .POST(HttpRequest.BodyPublishers.ofString(declined, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(kinds(contract)).containsExactly("signature-declined");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.SIGNING);
        assertThat(instance).isWaitingAt("awaitCounterSignature");
    }

    @Test
    void anEnvelopeCreatedButAnsweredTooLateIsAdoptedByTheRetryNotCreatedTwice() throws Exception {
        ProcessInstance instance = afterApproval.approved("240000", List.of());
        signing.companySigns(instance);
        Contract contract = driver.contract(instance);
        String envelopeId = "env-" + contract.getNumber();
        // DocuSign creates the envelope but answers after Pactum stopped waiting (pactum.integration.timeout, 3 s).
        docusign.stubFor(post(urlEqualTo(ACCOUNT_PATH + "/envelopes"))
                .withRequestBody(matchingJsonPath("$.customFields.textCustomFields[0].value",
                        equalTo(contract.getNumber())))
                .willReturn(aResponse().withStatus(201).withFixedDelay(4_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"envelopeId\": \"" + envelopeId + "\", \"status\": \"sent\"}")));
        docusign.stubFor(get(urlPathEqualTo(ACCOUNT_PATH + "/envelopes"))
                .withQueryParam("custom_field", equalTo("pactumContract=" + contract.getNumber()))
                .willReturn(okJson("""
                        {"resultSetSize": "1", "totalSetSize": "1", "envelopes": [
                          {"envelopeId": "%s", "status": "sent", "statusChangedDateTime": "%s"}]}"""
                        .formatted(envelopeId, Instant.now()))));

        String jobId = management.createJobQuery().processInstanceId(instance.getId()).activityId(SEND)
                .singleResult().getId();
        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("no answer within");
        management.executeJob(jobId);

        assertThat(instance).isWaitingAt("awaitCounterSignature").hasPassed(SEND);
        assertThat(jdbc.queryForObject("select flow_id from esign_flow where contract_id = ?", String.class,
                contract.getId())).isEqualTo(envelopeId);
        assertThat(docusign.findAll(postRequestedFor(urlEqualTo(ACCOUNT_PATH + "/envelopes"))
                .withRequestBody(matchingJsonPath("$.customFields.textCustomFields[0].value",
                        equalTo(contract.getNumber()))))).hasSize(1);
    }

    private String stubEnvelopeCreated(Contract contract) {
        String envelopeId = "env-" + contract.getNumber();
        docusign.stubFor(post(urlEqualTo(ACCOUNT_PATH + "/envelopes"))
                .withRequestBody(matchingJsonPath("$.customFields.textCustomFields[0].value",
                        equalTo(contract.getNumber())))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"envelopeId": "%s", "uri": "/envelopes/%s", "statusDateTime": "%s", "status": "sent"}"""
                        .formatted(envelopeId, envelopeId, Instant.now()))));
        return envelopeId;
    }

    private LoggedRequest onlyEnvelopeOf(Contract contract) {
        List<LoggedRequest> creates = docusign.findAll(postRequestedFor(urlEqualTo(ACCOUNT_PATH + "/envelopes"))
                .withRequestBody(matchingJsonPath("$.customFields.textCustomFields[0].value",
                        equalTo(contract.getNumber()))));
        assertThat(creates).hasSize(1);
        return creates.get(0);
    }

    private static String connect(String event, String envelopeId) {
        return """
                {"event":"%s","apiVersion":"v2.1","uri":"/restapi/v2.1/accounts/%s/envelopes/%s","retryCount":0,\
                "configurationId":0,"generatedDateTime":"%s","data":{"accountId":"%s",\
                "userId":"0b9d5a31-0000-4000-8000-00000000user","envelopeId":"%s"}}"""
                .formatted(event, TestPeers.DOCUSIGN_ACCOUNT, envelopeId, Instant.now(), TestPeers.DOCUSIGN_ACCOUNT,
                        envelopeId);
    }

    private HttpResponse<String> connect(String body, String header, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(api.uri(path())).header("Content-Type", "application/json")
                .header(header, signature).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestPeers.DOCUSIGN_CONNECT_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String path() {
        return "/api/integrations/esign/docusign/callback";
    }

    private List<String> kinds(Contract contract) {
        return notifications.findByContractIdOrderByIdAsc(contract.getId()).stream()
                .filter(n -> n.getRecipient().equals("sales1")).map(InAppNotification::getKind).toList();
    }
}
