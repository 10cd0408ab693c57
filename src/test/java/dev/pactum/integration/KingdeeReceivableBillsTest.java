package dev.pactum.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kingdee 金蝶云·星空 adapter against a WireMock that answers in the WebAPI's shape: session cookies, HTTP 200
 * with {@code Result.ResponseStatus}, ExecuteBillQuery's rows. No Spring: the shared test context speaks the generic
 * protocol to finance; {@link #aRefusalIsAPermanentFailureThatTheEngineTurnsIntoAnIncidentAtOnce} links this to the
 * engine's incident handling, which {@code ContractIntegrationProcessTest} proves for every permanent failure.
 */
class KingdeeReceivableBillsTest {

    private static final String NUMBER = "HT-2026-000123";
    private static final String CREDIT_CODE = "91310000MA1FL8XQ3B";
    private static final String SCENARIO = "kingdee";

    private final WireMockServer kingdee = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final FinanceAdapterProperties.Kingdee settings = new FinanceAdapterProperties.Kingdee(
            "62f0c4d1e2b3a9", 2052, "AR_receivable", "100", "YSD01_SYS", "SVC-001", new BigDecimal("6"), null, null);
    private IntegrationProperties.Peer finance;

    @BeforeEach
    void start() {
        kingdee.start();
        finance = new IntegrationProperties.Peer(true, URI.create("http://127.0.0.1:" + kingdee.port() + "/K3Cloud/"),
                "pactum-api", "s3cret", null, null);
        loginAnswers("session-1");
    }

    @AfterEach
    void stop() {
        kingdee.stop();
    }

    @Test
    void logsInThenSavesSubmitsAndAuditsOneBillPerMilestoneInTheSession() {
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.QUERY))).willReturn(okJson("[]")));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.SAVE)))
                .withRequestBody(matchingJsonPath("$.data.Model.FBillNo", equalTo(NUMBER + "-1")))
                .willReturn(okJson(saved(100041, NUMBER + "-1"))));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.SAVE)))
                .withRequestBody(matchingJsonPath("$.data.Model.FBillNo", equalTo(NUMBER + "-2")))
                .willReturn(okJson(saved(100042, NUMBER + "-2"))));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.SUBMIT))).willReturn(okJson(success())));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.AUDIT))).willReturn(okJson(success())));

        String answer = bills(api(Duration.ofSeconds(5))).push(schedule(), finance, settings);

        kingdee.verify(1, postRequestedFor(urlEqualTo(path(KingdeeWebApi.LOGIN))).withRequestBody(equalToJson("""
                {"acctID": "62f0c4d1e2b3a9", "username": "pactum-api", "password": "s3cret", "lcid": 2052}""")));
        kingdee.verify(postRequestedFor(urlEqualTo(path(KingdeeWebApi.QUERY)))
                .withCookie("kdservice-sessionid", equalTo("session-1")).withRequestBody(equalToJson("""
                {"data": {"FormId": "AR_receivable", "FieldKeys": "FID,FBillNo,FDocumentStatus",
                          "FilterString": "FBillNo='HT-2026-000123-1'", "OrderString": "", "TopRowCount": 0,
                          "StartRow": 0, "Limit": 2}}""")));
        kingdee.verify(1, postRequestedFor(urlEqualTo(path(KingdeeWebApi.SAVE)))
                .withCookie("kdservice-sessionid", equalTo("session-1"))
                .withCookie("ASP.NET_SessionId", equalTo("asp-session-1")).withRequestBody(equalToJson("""
                {"formid": "AR_receivable", "data": {"Model": {
                  "FBillNo": "HT-2026-000123-1", "FBillTypeID": {"FNumber": "YSD01_SYS"}, "FDATE": "2026-01-05",
                  "FENDDATE_H": "2026-02-10", "FCUSTOMERID": {"FNumber": "91310000MA1FL8XQ3B"},
                  "FCURRENCYID": {"FNumber": "PRE001"}, "FSETTLEORGID": {"FNumber": "100"},
                  "FSALEORGID": {"FNumber": "100"}, "FPAYORGID": {"FNumber": "100"},
                  "FAR_Remark": "合同 HT-2026-000123 回款计划 1 预付款",
                  "FEntityDetail": [{"FMATERIALID": {"FNumber": "SVC-001"}, "FPriceQty": 1,
                                     "FTaxPrice": 30000.00, "FEntryTaxRate": 6}]}}}""")));
        kingdee.verify(1, postRequestedFor(urlEqualTo(path(KingdeeWebApi.SAVE))).withRequestBody(equalToJson("""
                {"formid": "AR_receivable", "data": {"Model": {
                  "FBillNo": "HT-2026-000123-2", "FBillTypeID": {"FNumber": "YSD01_SYS"}, "FDATE": "2026-01-05",
                  "FCUSTOMERID": {"FNumber": "91310000MA1FL8XQ3B"}, "FCURRENCYID": {"FNumber": "PRE001"},
                  "FSETTLEORGID": {"FNumber": "100"}, "FSALEORGID": {"FNumber": "100"},
                  "FPAYORGID": {"FNumber": "100"}, "FAR_Remark": "合同 HT-2026-000123 回款计划 2 验收款",
                  "FEntityDetail": [{"FMATERIALID": {"FNumber": "SVC-001"}, "FPriceQty": 1,
                                     "FTaxPrice": 70000.00, "FEntryTaxRate": 6}]}}}""")));
        for (String bill : List.of(NUMBER + "-1", NUMBER + "-2")) {
            String numbers = "{\"formid\": \"AR_receivable\", \"data\": {\"Numbers\": [\"" + bill + "\"]}}";
            kingdee.verify(1, postRequestedFor(urlEqualTo(path(KingdeeWebApi.SUBMIT)))
                    .withCookie("kdservice-sessionid", equalTo("session-1")).withRequestBody(equalToJson(numbers)));
            kingdee.verify(1, postRequestedFor(urlEqualTo(path(KingdeeWebApi.AUDIT)))
                    .withCookie("kdservice-sessionid", equalTo("session-1")).withRequestBody(equalToJson(numbers)));
        }
        assertThat(answer).contains("\"billNo\":\"HT-2026-000123-1\",\"id\":\"100041\",\"saved\":true,\"status\":\"C\"")
                .contains("\"billNo\":\"HT-2026-000123-2\",\"id\":\"100042\"");
    }

    @Test
    void aRefusalIsAPermanentFailureThatTheEngineTurnsIntoAnIncidentAtOnce() {
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.QUERY))).willReturn(okJson("[]")));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.SAVE))).willReturn(okJson("""
                {"Result": {"ResponseStatus": {"ErrorCode": 500, "IsSuccess": false, "MsgCode": 0,
                  "Errors": [{"FieldName": "FCUSTOMERID", "Message": "字段“客户”是必填项", "DIndex": 0},
                             {"FieldName": null, "Message": "单据编号已存在", "DIndex": 0}],
                  "SuccessEntitys": [], "SuccessMessages": []}, "Id": "", "Number": "", "NeedReturnData": []}}""")));

        assertThatThrownBy(() -> bills(api(Duration.ofSeconds(5))).push(schedule(), finance, settings))
                .isInstanceOfSatisfying(PeerClient.PeerCallFailed.class, failure -> {
                    assertThat(failure.permanent()).isTrue();
                    assertThat(PeerFailureRetries.refusedByPeer(new RuntimeException("job", failure))).isTrue();
                })
                .hasMessage("finance: Kingdee Save refused: FCUSTOMERID: 字段“客户”是必填项; 单据编号已存在");
        kingdee.verify(0, postRequestedFor(urlEqualTo(path(KingdeeWebApi.SUBMIT))));
    }

    @Test
    void aLostSessionLogsInOnceMoreAndTheCallGoesOnInTheNewSession() {
        kingdee.resetMappings();
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.LOGIN))).inScenario(SCENARIO)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(login("session-1")));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.QUERY))).inScenario(SCENARIO)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("""
                [[{"Result": {"ResponseStatus": {"ErrorCode": 500, "IsSuccess": false, "MsgCode": 1,
                  "Errors": [{"FieldName": null, "Message": "会话信息已丢失，请重新登录", "DIndex": 0}]}}}]]"""))
                .willSetStateTo("expired"));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.LOGIN))).inScenario(SCENARIO)
                .whenScenarioStateIs("expired").willReturn(login("session-2")));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.QUERY))).inScenario(SCENARIO)
                .whenScenarioStateIs("expired").withCookie("kdservice-sessionid", equalTo("session-2"))
                .willReturn(okJson("[[100041, \"HT-2026-000123-1\", \"C\"]]")));

        String answer = bills(api(Duration.ofSeconds(5))).push(oneLine(), finance, settings);

        kingdee.verify(2, postRequestedFor(urlEqualTo(path(KingdeeWebApi.LOGIN))));
        kingdee.verify(2, postRequestedFor(urlEqualTo(path(KingdeeWebApi.QUERY))));
        assertThat(answer).contains("\"id\":\"100041\",\"saved\":false,\"status\":\"C\"");
    }

    @Test
    void aSessionLostAgainRightAfterLoggingInIsATransientFailure() {
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.QUERY))).willReturn(okJson("""
                [[{"Result": {"ResponseStatus": {"IsSuccess": false, "MsgCode": 1,
                  "Errors": [{"Message": "会话信息已丢失，请重新登录"}]}}}]]""")));

        assertThatThrownBy(() -> bills(api(Duration.ofSeconds(5))).push(oneLine(), finance, settings))
                .isInstanceOfSatisfying(PeerClient.PeerCallFailed.class,
                        failure -> assertThat(failure.permanent()).isFalse())
                .hasMessageContaining("会话信息已丢失");
        kingdee.verify(2, postRequestedFor(urlEqualTo(path(KingdeeWebApi.LOGIN))));
    }

    @Test
    void aRetryAfterASaveThatTimedOutFindsTheBillAndFinishesItWithoutASecondOne() {
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.QUERY))).inScenario(SCENARIO)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        // Kingdee saves the bill but answers after Pactum stopped waiting.
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.SAVE))).inScenario(SCENARIO)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(saved(100041, NUMBER + "-1")).withFixedDelay(4000)).willSetStateTo("saved"));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.QUERY))).inScenario(SCENARIO)
                .whenScenarioStateIs("saved").willReturn(okJson("[[100041, \"HT-2026-000123-1\", \"A\"]]")));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.SUBMIT))).willReturn(okJson(success())));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.AUDIT))).willReturn(okJson(success())));
        KingdeeReceivableBills bills = bills(api(Duration.ofMillis(1500)));

        assertThatThrownBy(() -> bills.push(oneLine(), finance, settings))
                .isInstanceOfSatisfying(PeerClient.PeerCallFailed.class,
                        failure -> assertThat(failure.permanent()).isFalse())
                .hasMessageContaining("DynamicFormService.Save").hasMessageContaining("no answer within 1500 ms");
        String answer = bills.push(oneLine(), finance, settings);

        kingdee.verify(1, postRequestedFor(urlEqualTo(path(KingdeeWebApi.SAVE))));
        kingdee.verify(1, postRequestedFor(urlEqualTo(path(KingdeeWebApi.SUBMIT))));
        kingdee.verify(1, postRequestedFor(urlEqualTo(path(KingdeeWebApi.AUDIT))));
        assertThat(answer).contains("\"id\":\"100041\",\"saved\":false,\"status\":\"C\"");
    }

    @Test
    void aCompanysOwnFieldKeysAndCurrencyCodesShapeTheBill() {
        FinanceAdapterProperties.Kingdee own = new FinanceAdapterProperties.Kingdee("62f0c4d1e2b3a9", 1033,
                "AR_receivable", "200", "YSD02_SYS", null, new BigDecimal("13"), Map.of("USD", "PRE007"),
                Map.of("customer", "F_PACT_Customer", "remark", "F_PACT_Note"));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.QUERY))).willReturn(okJson("[]")));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.SAVE))).willReturn(okJson(saved(7, NUMBER + "-1"))));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.SUBMIT))).willReturn(okJson(success())));
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.AUDIT))).willReturn(okJson(success())));
        ReceivableSchedule inDollars = new ReceivableSchedule(NUMBER, "ACTIVE", "上海示例科技有限公司", CREDIT_CODE,
                "USD", List.of(new ReceivableSchedule.Line(1, null, new BigDecimal("5000.00"), null)));

        bills(api(Duration.ofSeconds(5))).push(inDollars, finance, own);

        kingdee.verify(postRequestedFor(urlEqualTo(path(KingdeeWebApi.LOGIN)))
                .withRequestBody(matchingJsonPath("$.lcid", equalTo("1033"))));
        kingdee.verify(1, postRequestedFor(urlEqualTo(path(KingdeeWebApi.SAVE))).withRequestBody(equalToJson("""
                {"formid": "AR_receivable", "data": {"Model": {
                  "FBillNo": "HT-2026-000123-1", "FBillTypeID": {"FNumber": "YSD02_SYS"}, "FDATE": "2026-01-05",
                  "F_PACT_Customer": {"FNumber": "91310000MA1FL8XQ3B"}, "FCURRENCYID": {"FNumber": "PRE007"},
                  "FSETTLEORGID": {"FNumber": "200"}, "FSALEORGID": {"FNumber": "200"},
                  "FPAYORGID": {"FNumber": "200"}, "F_PACT_Note": "合同 HT-2026-000123 回款计划 1",
                  "FEntityDetail": [{"FPriceQty": 1, "FTaxPrice": 5000.00, "FEntryTaxRate": 13}]}}}""")));
        assertThatThrownBy(() -> new FinanceAdapterProperties.Kingdee("x", 2052, "AR_receivable", "100",
                "YSD01_SYS", null, BigDecimal.ONE, null, Map.of("custmer", "F_X")))
                .hasMessageContaining("fields.custmer: unknown");
    }

    @Test
    void aWrongPasswordIsAPermanentFailureWithKingdeesMessageAndNothingIsSent() {
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.LOGIN))).willReturn(okJson("""
                {"Message": "用户名或密码错误！", "MessageCode": "", "LoginResultType": 0, "Context": null}""")));

        assertThatThrownBy(() -> bills(api(Duration.ofSeconds(5))).push(oneLine(), finance, settings))
                .isInstanceOfSatisfying(PeerClient.PeerCallFailed.class,
                        failure -> assertThat(failure.permanent()).isTrue())
                .hasMessageContaining("LoginResultType 0").hasMessageContaining("用户名或密码错误");
        kingdee.verify(0, postRequestedFor(urlEqualTo(path(KingdeeWebApi.QUERY))));
    }

    private KingdeeWebApi api(Duration timeout) {
        return new KingdeeWebApi(Duration.ofSeconds(2), timeout, json);
    }

    private KingdeeReceivableBills bills(KingdeeWebApi api) {
        return new KingdeeReceivableBills(api, json, clock);
    }

    private static ReceivableSchedule schedule() {
        return new ReceivableSchedule(NUMBER, "ACTIVE", "上海示例科技有限公司", CREDIT_CODE, "CNY", List.of(
                new ReceivableSchedule.Line(1, "预付款", new BigDecimal("30000.00"), LocalDate.of(2026, 2, 10)),
                new ReceivableSchedule.Line(2, "验收款", new BigDecimal("70000.00"), null)));
    }

    private static ReceivableSchedule oneLine() {
        return new ReceivableSchedule(NUMBER, "ACTIVE", "上海示例科技有限公司", CREDIT_CODE, "CNY", List.of(
                new ReceivableSchedule.Line(1, "预付款", new BigDecimal("30000.00"), LocalDate.of(2026, 2, 10))));
    }

    private void loginAnswers(String session) {
        kingdee.stubFor(post(urlEqualTo(path(KingdeeWebApi.LOGIN))).willReturn(login(session)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder login(String session) {
        return okJson("{\"Message\": null, \"MessageCode\": \"CheckPasswordPolicy\", \"LoginResultType\": 1,"
                + " \"Context\": {\"UserName\": \"pactum-api\", \"SessionId\": \"" + session + "\"},"
                + " \"KDSVCSessionId\": \"" + session + "\"}")
                .withHeader("Set-Cookie", "kdservice-sessionid=" + session + "; path=/")
                .withHeader("Set-Cookie", "ASP.NET_SessionId=asp-" + session + "; path=/; HttpOnly");
    }

    private static String saved(long id, String number) {
        return "{\"Result\": {\"ResponseStatus\": {\"IsSuccess\": true, \"Errors\": [], \"SuccessEntitys\":"
                + " [{\"Id\": " + id + ", \"Number\": \"" + number + "\", \"DIndex\": 0}], \"SuccessMessages\": [],"
                + " \"MsgCode\": 0}, \"Id\": " + id + ", \"Number\": \"" + number + "\", \"NeedReturnData\": [{}]}}";
    }

    private static String success() {
        return "{\"Result\": {\"ResponseStatus\": {\"IsSuccess\": true, \"Errors\": [], \"SuccessEntitys\": [],"
                + " \"SuccessMessages\": [], \"MsgCode\": 0}}}";
    }

    private static String path(String service) {
        return "/K3Cloud/" + service;
    }
}
