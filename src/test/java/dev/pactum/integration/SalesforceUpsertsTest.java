package dev.pactum.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Salesforce adapter against a WireMock answering in Salesforce's shapes: the OAuth 2.0 token endpoint
 * ({@code access_token}, {@code instance_url}; errors as {@code {error, error_description}}), upserts by external id
 * (201 created, 200 / 204 updated) and REST errors as {@code [{message, errorCode, fields}]}. No Spring: the shared
 * test context speaks the generic protocol to the CRM; permanent failures become incidents at once through
 * {@link PeerFailureRetries}, which {@code ContractIntegrationProcessTest} proves.
 */
class SalesforceUpsertsTest {

    private static final String CREDIT_CODE = "91310000MA1FL8XQ3B";
    private static final String NUMBER = "HT-2026-000321";
    private static final String TOKEN = "/services/oauth2/token";
    private static final String ACCOUNT = "/services/data/v62.0/sobjects/Account/Pactum_Credit_Code__c/" + CREDIT_CODE;
    private static final String OPPORTUNITY = "/services/data/v62.0/sobjects/Opportunity/Pactum_Contract_Number__c/"
            + NUMBER;

    private final WireMockServer salesforce = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-08T02:00:00Z"));
    private IntegrationProperties.Peer crm;
    private String base;

    @BeforeEach
    void start() {
        salesforce.start();
        base = "http://127.0.0.1:" + salesforce.port();
        crm = new IntegrationProperties.Peer(true, URI.create(base + "/"), null, null, null, null);
    }

    @AfterEach
    void stop() {
        salesforce.stop();
    }

    @Test
    void clientCredentialsTokenThenTheAccountAndTheOpportunityAreUpsertedByTheirExternalIds() throws Exception {
        tokenAnswers("00Dxx0000001gPL!token-1");
        salesforce.stubFor(patch(urlEqualTo(ACCOUNT)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"001xx000003DGb2AAG\", \"errors\": [], \"success\": true, \"created\": true}")));
        salesforce.stubFor(patch(urlEqualTo(OPPORTUNITY)).willReturn(aResponse().withStatus(204)));

        String answer = upserts().push(summary("ACTIVE"), crm, clientCredentials(null, null));

        LoggedRequest tokenCall = salesforce.findAll(postRequestedFor(urlEqualTo(TOKEN))).get(0);
        assertThat(tokenCall.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form(tokenCall)).containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "client_credentials",
                "client_id", "3MVG9-pactum", "client_secret", "s3cret&="));
        salesforce.verify(1, patchRequestedFor(urlEqualTo(ACCOUNT))
                .withHeader("Authorization", equalTo("Bearer 00Dxx0000001gPL!token-1"))
                .withRequestBody(equalToJson("{\"Name\": \"上海示例科技有限公司\", \"Phone\": \"021-55550000\"}")));
        salesforce.verify(1, patchRequestedFor(urlEqualTo(OPPORTUNITY))
                .withHeader("Authorization", equalTo("Bearer 00Dxx0000001gPL!token-1"))
                .withRequestBody(equalToJson("""
                        {"Name": "技术服务合同", "StageName": "Closed Won", "CloseDate": "2026-12-01",
                         "Amount": 120000.00, "Account": {"Pactum_Credit_Code__c": "91310000MA1FL8XQ3B"},
                         "Description": "合同 HT-2026-000321 · ACTIVE · 2026-12-01 – 2027-11-30"}""")));
        assertThat(json.readTree(answer).at("/account/created").asBoolean()).isTrue();
        assertThat(json.readTree(answer).at("/account/id").asText()).isEqualTo("001xx000003DGb2AAG");
        assertThat(json.readTree(answer).at("/opportunity/created").asBoolean()).as("204: updated").isFalse();
    }

    @Test
    void theTokenIsKeptUntilItsLifetimeRunsOutThenFetchedAgain() {
        tokenAnswers("token-1");
        upsertsAnswer(200);
        SalesforceUpserts upserts = upserts();
        CrmAdapterProperties.Salesforce settings = clientCredentials(null, null);

        upserts.push(summary("ACTIVE"), crm, settings);
        clock.advance(Duration.ofMinutes(59));
        upserts.push(summary("ACTIVE"), crm, settings);
        salesforce.verify(1, postRequestedFor(urlEqualTo(TOKEN)));

        clock.advance(Duration.ofMinutes(2));
        upserts.push(summary("TERMINATED"), crm, settings);
        salesforce.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        salesforce.verify(1, patchRequestedFor(urlEqualTo(OPPORTUNITY))
                .withRequestBody(equalToJson("{\"StageName\": \"Closed Lost\"}", true, true)));
    }

    @Test
    void jwtBearerSignsAnRs256AssertionForTheUserWithTheConfiguredKey() throws Exception {
        KeyPair keys = rsaKeys();
        tokenAnswers("token-jwt");
        upsertsAnswer(200);
        CrmAdapterProperties.Salesforce settings = new CrmAdapterProperties.Salesforce(
                CrmAdapterProperties.SalesforceFlow.JWT_BEARER, "3MVG9-pactum", null, "integration@pactum.example",
                pem(keys), "https://test.salesforce.com", null, "v62.0", Duration.ofHours(1), "Account",
                "Pactum_Credit_Code__c", "Opportunity", "Pactum_Contract_Number__c", null, null, null);

        upserts().push(summary("ACTIVE"), crm, settings);

        Map<String, String> form = form(salesforce.findAll(postRequestedFor(urlEqualTo(TOKEN))).get(0));
        assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
        assertThat(assertion.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).isTrue();
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo("3MVG9-pactum");
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("integration@pactum.example");
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly("https://test.salesforce.com");
        assertThat(assertion.getJWTClaimsSet().getExpirationTime().toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) rsaKeys().getPublic())))
                .as("another key's signature does not verify").isFalse();
        salesforce.verify(2, patchRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlMatching(
                "/services/data/v62.0/sobjects/.*")).withHeader("Authorization", equalTo("Bearer token-jwt")));
    }

    @Test
    void anExpiredTokenAnswered401IsReplacedOnceAndTheCallRepeated() {
        salesforce.stubFor(post(urlEqualTo(TOKEN)).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(token("token-old"))).willSetStateTo("second"));
        salesforce.stubFor(post(urlEqualTo(TOKEN)).inScenario("token").whenScenarioStateIs("second")
                .willReturn(okJson(token("token-new"))));
        salesforce.stubFor(patch(urlEqualTo(ACCOUNT)).withHeader("Authorization", equalTo("Bearer token-old"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(
                        "[{\"message\": \"Session expired or invalid\", \"errorCode\": \"INVALID_SESSION_ID\"}]")));
        salesforce.stubFor(patch(urlEqualTo(ACCOUNT)).withHeader("Authorization", equalTo("Bearer token-new"))
                .willReturn(okJson("{\"id\": \"001xx000003DGb2AAG\", \"errors\": [], \"success\": true,"
                        + " \"created\": false}")));
        salesforce.stubFor(patch(urlEqualTo(OPPORTUNITY)).willReturn(aResponse().withStatus(204)));

        upserts().push(summary("ACTIVE"), crm, clientCredentials(null, null));

        salesforce.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        salesforce.verify(2, patchRequestedFor(urlEqualTo(ACCOUNT)));
        salesforce.verify(1, patchRequestedFor(urlEqualTo(OPPORTUNITY))
                .withHeader("Authorization", equalTo("Bearer token-new")));
    }

    @Test
    void a401ForATokenFetchedJustNowIsARefusalNotALoop() {
        tokenAnswers("token-useless");
        salesforce.stubFor(patch(urlEqualTo(ACCOUNT)).willReturn(aResponse().withStatus(401).withBody(
                "[{\"message\": \"Session expired or invalid\", \"errorCode\": \"INVALID_SESSION_ID\"}]")));

        assertThatThrownBy(() -> upserts().push(summary("ACTIVE"), crm, clientCredentials(null, null)))
                .isInstanceOfSatisfying(PeerClient.PeerCallFailed.class, failed -> {
                    assertThat(failed.permanent()).isTrue();
                    assertThat(failed.getMessage()).contains("INVALID_SESSION_ID: Session expired or invalid");
                });
        salesforce.verify(2, patchRequestedFor(urlEqualTo(ACCOUNT)));
    }

    @Test
    void aRecordSalesforceRefusesIsAPermanentFailureCarryingItsErrorsWhichTheEngineTurnsIntoAnIncidentAtOnce() {
        tokenAnswers("token-1");
        salesforce.stubFor(patch(urlEqualTo(ACCOUNT)).willReturn(okJson("{\"id\": \"001\", \"created\": false}")));
        salesforce.stubFor(patch(urlEqualTo(OPPORTUNITY)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        [{"message": "Required fields are missing: [StageName]", "errorCode": "REQUIRED_FIELD_MISSING",
                          "fields": ["StageName"]}]""")));

        assertThatThrownBy(() -> upserts().push(summary("ACTIVE"), crm, clientCredentials(null, null)))
                .isInstanceOfSatisfying(PeerClient.PeerCallFailed.class, failed -> {
                    assertThat(failed.permanent()).isTrue();
                    assertThat(PeerFailureRetries.refusedByPeer(new RuntimeException(failed))).isTrue();
                    assertThat(failed.getMessage()).startsWith("crm: Salesforce Opportunity")
                            .contains("answered 400: REQUIRED_FIELD_MISSING: Required fields are missing: [StageName]"
                                    + " [\"StageName\"]");
                });
    }

    @Test
    void serverErrorsAndTimeoutsArePassingFailuresForTheRetryCycle() {
        tokenAnswers("token-1");
        salesforce.stubFor(patch(urlEqualTo(ACCOUNT)).willReturn(aResponse().withStatus(503)
                .withBody("[{\"message\": \"Server unavailable\", \"errorCode\": \"SERVER_UNAVAILABLE\"}]")));

        assertThatThrownBy(() -> upserts().push(summary("ACTIVE"), crm, clientCredentials(null, null)))
                .isInstanceOfSatisfying(PeerClient.PeerCallFailed.class,
                        failed -> assertThat(failed.permanent()).isFalse());

        salesforce.stubFor(patch(urlEqualTo(ACCOUNT)).willReturn(aResponse().withFixedDelay(1500).withStatus(204)));
        SalesforceUpserts impatient = new SalesforceUpserts(new SalesforceApi(Duration.ofSeconds(1),
                Duration.ofMillis(300), json, clock), json, clock);
        assertThatThrownBy(() -> impatient.push(summary("ACTIVE"), crm, clientCredentials(null, null)))
                .isInstanceOfSatisfying(PeerClient.PeerCallFailed.class, failed -> {
                    assertThat(failed.permanent()).isFalse();
                    assertThat(failed.getMessage()).contains("no answer within 300 ms");
                });
    }

    @Test
    void aTokenRefusedForBadCredentialsIsPermanentWithSalesforcesReason() {
        salesforce.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"invalid_client\", \"error_description\": \"invalid client credentials\"}")));

        assertThatThrownBy(() -> upserts().push(summary("ACTIVE"), crm, clientCredentials(null, null)))
                .isInstanceOfSatisfying(PeerClient.PeerCallFailed.class, failed -> {
                    assertThat(failed.permanent()).isTrue();
                    assertThat(failed.getMessage()).isEqualTo("crm: Salesforce token (client credentials) refused"
                            + " with 400: invalid_client: invalid client credentials");
                });
        salesforce.verify(0, patchRequestedFor(urlEqualTo(ACCOUNT)));
    }

    @Test
    void fieldsFollowTheOrgsMappingAndAnUnknownValueStopsStartUp() {
        tokenAnswers("token-1");
        upsertsAnswer(200);
        CrmAdapterProperties.Salesforce settings = clientCredentials(
                Map.of("contactEmail", "Billing_Email__c", "contactPhone", ""),
                Map.of("amount", "", "currency", "CurrencyIsoCode", "endDate", "Contract_End__c"));

        upserts().push(summary("ACTIVE"), crm, settings);

        salesforce.verify(patchRequestedFor(urlEqualTo(ACCOUNT)).withRequestBody(equalToJson(
                "{\"Name\": \"上海示例科技有限公司\", \"Billing_Email__c\": \"li@example.com\"}")));
        salesforce.verify(patchRequestedFor(urlEqualTo(OPPORTUNITY)).withRequestBody(equalToJson("""
                {"CurrencyIsoCode": "CNY", "Contract_End__c": "2027-11-30"}""", true, true)));
        salesforce.verify(0, patchRequestedFor(urlEqualTo(OPPORTUNITY)).withRequestBody(containing("Amount")));
        assertThatThrownBy(() -> clientCredentials(Map.of("fax", "Fax"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account-fields.fax: unknown");
    }

    @Test
    void theSalesforceProtocolNeedsItsCredentialsAndExternalIdFields() {
        CrmAdapterProperties.Salesforce incomplete = new CrmAdapterProperties.Salesforce(
                CrmAdapterProperties.SalesforceFlow.CLIENT_CREDENTIALS, "3MVG9-pactum", null, null, null,
                "https://login.salesforce.com", null, "v62.0", Duration.ofHours(1), "Account",
                "Pactum_Credit_Code__c", "Opportunity", "Pactum_Contract_Number__c", null, null, null);
        assertThatThrownBy(() -> new CrmAdapterProperties(CrmProtocol.SALESFORCE, false, incomplete))
                .hasMessageContaining("pactum.integration.crm.salesforce.client-secret");
        assertThatThrownBy(() -> SalesforceApi.privateKey("-----BEGIN RSA PRIVATE KEY-----\nMIIB\n"))
                .hasMessageContaining("PKCS#8");
        assertThat(new CrmAdapterProperties(CrmProtocol.GENERIC, false, incomplete).protocol())
                .as("unused settings are not checked").isEqualTo(CrmProtocol.GENERIC);
    }

    @Test
    void theSettingsBindFromConfigurationAsReadmeNamesThem() {
        Map<String, String> yaml = Map.of(
                "pactum.integration.crm.protocol", "salesforce",
                "pactum.integration.crm.salesforce.flow", "jwt-bearer",
                "pactum.integration.crm.salesforce.client-id", "3MVG9-pactum",
                "pactum.integration.crm.salesforce.username", "integration@pactum.example",
                "pactum.integration.crm.salesforce.private-key", "-----BEGIN PRIVATE KEY-----",
                "pactum.integration.crm.salesforce.account-external-id", "Pactum_Credit_Code__c",
                "pactum.integration.crm.salesforce.opportunity-external-id", "Pactum_Contract_Number__c",
                "pactum.integration.crm.salesforce.opportunity-fields.amount", "Contract_Value__c",
                "pactum.integration.crm.salesforce.stages.TERMINATED", "Closed Cancelled");

        CrmAdapterProperties bound = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(yaml))
                .bind("pactum.integration.crm", CrmAdapterProperties.class).get();

        assertThat(bound.protocol()).isEqualTo(CrmProtocol.SALESFORCE);
        assertThat(bound.creditLimitFromCrm()).isFalse();
        assertThat(bound.salesforce().flow()).isEqualTo(CrmAdapterProperties.SalesforceFlow.JWT_BEARER);
        assertThat(bound.salesforce().apiVersion()).isEqualTo("v62.0");
        assertThat(bound.salesforce().opportunityFields()).containsEntry("amount", "Contract_Value__c")
                .containsEntry("title", "Name");
        assertThat(bound.salesforce().stages()).containsEntry("TERMINATED", "Closed Cancelled")
                .containsEntry("ACTIVE", "Closed Won");
    }

    private SalesforceUpserts upserts() {
        return new SalesforceUpserts(new SalesforceApi(Duration.ofSeconds(2), Duration.ofSeconds(5), json, clock),
                json, clock);
    }

    private CrmAdapterProperties.Salesforce clientCredentials(Map<String, String> accountFields,
                                                             Map<String, String> opportunityFields) {
        return new CrmAdapterProperties.Salesforce(CrmAdapterProperties.SalesforceFlow.CLIENT_CREDENTIALS,
                "3MVG9-pactum", "s3cret&=", null, null, "https://login.salesforce.com", null, "v62.0",
                Duration.ofHours(1), "Account", "Pactum_Credit_Code__c", "Opportunity", "Pactum_Contract_Number__c",
                accountFields, opportunityFields, null);
    }

    private static CrmSummary summary(String status) {
        return new CrmSummary(NUMBER, status, null, "技术服务合同", "SERVICE", "sales1", new BigDecimal("120000.00"),
                "CNY", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 30), 30,
                new CrmSummary.Customer("上海示例科技有限公司", CREDIT_CODE, "李经理", "li@example.com", "021-55550000"));
    }

    private void tokenAnswers(String accessToken) {
        salesforce.stubFor(post(urlEqualTo(TOKEN)).willReturn(okJson(token(accessToken))));
    }

    /** Salesforce's token answer: no expiry in it; the REST calls go to {@code instance_url}. */
    private String token(String accessToken) {
        return """
                {"access_token": "%s", "signature": "c2lnbmF0dXJl", "scope": "api",
                 "instance_url": "%s", "id": "https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001Sv6AAAS",
                 "token_type": "Bearer", "issued_at": "1765159200000"}""".formatted(accessToken, base);
    }

    private void upsertsAnswer(int status) {
        salesforce.stubFor(patch(urlEqualTo(ACCOUNT)).willReturn(okJson("{\"id\": \"001\", \"created\": false}")
                .withStatus(status)));
        salesforce.stubFor(patch(urlEqualTo(OPPORTUNITY)).willReturn(okJson("{\"id\": \"006\", \"created\": false}")
                .withStatus(status)));
    }

    private static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
