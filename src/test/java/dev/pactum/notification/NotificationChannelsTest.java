package dev.pactum.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each channel against a real HTTP server: the exact message each provider documents, and its signature recomputed
 * here from the provider's rules (not with the channel's own code).
 */
class NotificationChannelsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
    private static final String SECRET = "SEC0123456789abcdef";
    private static final OutgoingMessage MESSAGE = new OutgoingMessage("payment-reminder:7:2026-12-07",
            NotificationKind.PAYMENT_REMINDER, "【回款提醒】合同 HT-2026-000007 / Payment due",
            "合同 HT-2026-000007《A&B <CN> 服务》\n\nhttp://pactum.test/contracts/7\n——\nHello",
            "http://pactum.test/contracts/7", Map.of("number", "HT-2026-000007", "dueDate", "2026-12-10",
            "title", "A&B <CN> 服务"));

    private static WireMockServer peer;
    private final ObjectMapper json = new ObjectMapper();
    private WebhookClient client;

    @BeforeAll
    static void startPeer() {
        peer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        peer.start();
    }

    @AfterAll
    static void stopPeer() {
        peer.stop();
    }

    @BeforeEach
    void reset() {
        peer.resetAll();
        client = new WebhookClient(HttpClient.newHttpClient(), Duration.ofSeconds(3), json);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + peer.port() + path;
    }

    private static String hmacSha256Base64(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data));
    }

    @Test
    void dingTalkGetsAMarkdownMessageSignedWithTimestampAndSign() throws Exception {
        peer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(200)
                .withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        new DingTalkChannel(client, CLOCK).send(MESSAGE, new Address(url("/robot/send?access_token=abc"), SECRET));

        LoggedRequest request = peer.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).get(0);
        assertThat(request.queryParameter("access_token").firstValue()).isEqualTo("abc");
        assertThat(request.queryParameter("timestamp").firstValue()).isEqualTo(Long.toString(NOW.toEpochMilli()));
        String expectedSign = hmacSha256Base64(SECRET.getBytes(StandardCharsets.UTF_8),
                (NOW.toEpochMilli() + "\n" + SECRET).getBytes(StandardCharsets.UTF_8));
        // The raw query carries the sign URL-encoded (Base64's + / = escaped), as DingTalk requires.
        String rawQuery = URI.create(request.getUrl()).getRawQuery();
        assertThat(rawQuery).contains("&sign=" + java.net.URLEncoder.encode(expectedSign, StandardCharsets.UTF_8));
        assertThat(URLDecoder.decode(rawQuery.substring(rawQuery.indexOf("sign=") + 5), StandardCharsets.UTF_8))
                .isEqualTo(expectedSign);
        peer.verify(postRequestedFor(urlPathEqualTo("/robot/send"))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson("""
                        {"msgtype":"markdown","markdown":{"title":"【回款提醒】合同 HT-2026-000007 / Payment due",
                         "text":"#### 【回款提醒】合同 HT-2026-000007 / Payment due\\n\\n合同 HT-2026-000007《A&B <CN> 服务》  \\n  \\nhttp://pactum.test/contracts/7  \\n——  \\nHello"}}""")));
    }

    @Test
    void dingTalkWithoutASecretIsNotSigned() {
        peer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withBody("{\"errcode\":0}")));

        new DingTalkChannel(client, CLOCK).send(MESSAGE, Address.of(url("/robot/send?access_token=abc")));

        LoggedRequest request = peer.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).get(0);
        assertThat(request.getQueryParams()).containsOnlyKeys("access_token");
    }

    @Test
    void dingTalkRefusingInsideA200IsAFailure() {
        peer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(200)
                .withBody("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")));

        assertThatThrownBy(() -> new DingTalkChannel(client, CLOCK).send(MESSAGE,
                new Address(url("/robot/send?access_token=abc"), SECRET)))
                .isInstanceOf(DeliveryFailed.class).hasMessageContaining("310000").hasMessageContaining("sign not match");
    }

    @Test
    void weComGetsMarkdownAtItsWebhookKey() {
        peer.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(aResponse()
                .withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        new WeComChannel(client).send(MESSAGE, Address.of(url("/cgi-bin/webhook/send?key=693a91f6")));

        peer.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send"))
                .withQueryParam("key", equalTo("693a91f6"))
                .withRequestBody(equalToJson("""
                        {"msgtype":"markdown","markdown":{"content":"**【回款提醒】合同 HT-2026-000007 / Payment due**\\n合同 HT-2026-000007《A&B <CN> 服务》\\n\\nhttp://pactum.test/contracts/7\\n——\\nHello"}}""")));
    }

    @Test
    void weComRefusingInsideA200IsAFailure() {
        peer.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(aResponse()
                .withBody("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}")));

        assertThatThrownBy(() -> new WeComChannel(client).send(MESSAGE,
                Address.of(url("/cgi-bin/webhook/send?key=bad"))))
                .isInstanceOf(DeliveryFailed.class).hasMessageContaining("93000");
    }

    @Test
    void weComMarkdownIsCutToItsByteLimitWithoutSplittingACharacter() {
        String fitted = ImText.fitUtf8("合".repeat(2000), WeComChannel.MAX_BYTES);
        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(fitted).endsWith("合…");
    }

    @Test
    void feishuGetsAPostMessageSignedInItsBody() throws Exception {
        peer.stubFor(post(urlPathEqualTo("/open-apis/bot/v2/hook/abc")).willReturn(aResponse()
                .withBody("{\"code\":0,\"data\":{},\"msg\":\"success\"}")));

        new FeishuChannel(client, CLOCK).send(MESSAGE, new Address(url("/open-apis/bot/v2/hook/abc"), SECRET));

        long seconds = NOW.getEpochSecond();
        // Feishu: HMAC-SHA256 keyed with "timestamp\nsecret" over no data at all.
        String expectedSign = hmacSha256Base64((seconds + "\n" + SECRET).getBytes(StandardCharsets.UTF_8),
                new byte[0]);
        peer.verify(postRequestedFor(urlPathEqualTo("/open-apis/bot/v2/hook/abc"))
                .withRequestBody(equalToJson("""
                        {"timestamp":"%d","sign":"%s","msg_type":"post","content":{"post":{"zh_cn":{
                          "title":"【回款提醒】合同 HT-2026-000007 / Payment due",
                          "content":[[{"tag":"text","text":"合同 HT-2026-000007《A&B <CN> 服务》"}],
                                     [{"tag":"text","text":""}],
                                     [{"tag":"a","text":"http://pactum.test/contracts/7","href":"http://pactum.test/contracts/7"}],
                                     [{"tag":"text","text":"——"}],
                                     [{"tag":"text","text":"Hello"}]]}}}}""".formatted(seconds, expectedSign))));
    }

    @Test
    void feishuRefusingInsideA200IsAFailure() {
        peer.stubFor(post(urlPathEqualTo("/open-apis/bot/v2/hook/abc")).willReturn(aResponse()
                .withBody("{\"code\":19021,\"data\":{},\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}")));

        assertThatThrownBy(() -> new FeishuChannel(client, CLOCK).send(MESSAGE,
                new Address(url("/open-apis/bot/v2/hook/abc"), SECRET)))
                .isInstanceOf(DeliveryFailed.class).hasMessageContaining("19021");
    }

    @Test
    void slackGetsBlocksWithTheBodyEscapedForMrkdwn() {
        peer.stubFor(post(urlPathEqualTo("/services/T0/B0/x")).willReturn(aResponse().withBody("ok")));

        new SlackChannel(client, json).send(MESSAGE, Address.of(url("/services/T0/B0/x")));

        peer.verify(postRequestedFor(urlPathEqualTo("/services/T0/B0/x")).withRequestBody(equalToJson("""
                {"text":"【回款提醒】合同 HT-2026-000007 / Payment due","blocks":[
                  {"type":"header","text":{"type":"plain_text","text":"【回款提醒】合同 HT-2026-000007 / Payment due"}},
                  {"type":"section","text":{"type":"mrkdwn","text":"合同 HT-2026-000007《A&amp;B &lt;CN&gt; 服务》\\n\\nhttp://pactum.test/contracts/7\\n——\\nHello"}}]}""")));
    }

    @Test
    void slackAnsweringAnErrorIsAPermanentFailure() {
        peer.stubFor(post(urlPathEqualTo("/services/T0/B0/x")).willReturn(aResponse().withStatus(404)
                .withBody("no_service")));

        assertThatThrownBy(() -> new SlackChannel(client, json).send(MESSAGE, Address.of(url("/services/T0/B0/x"))))
                .isInstanceOfSatisfying(DeliveryFailed.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageContaining("no_service");
    }

    @Test
    void aliyunSignatureMatchesTheDocumentedExample() {
        // Aliyun's published SendSms example (GET): AccessKey secret "testSecret", signature zJDF+Lrzhj/ThnlvIToysFRq6t4=.
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AccessKeyId", "testId");
        parameters.put("Action", "SendSms");
        parameters.put("Format", "XML");
        parameters.put("OutId", "123");
        parameters.put("PhoneNumbers", "15300000001");
        parameters.put("RegionId", "cn-hangzhou");
        parameters.put("SignName", "阿里云短信测试专用");
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("TemplateCode", "SMS_71390007");
        parameters.put("TemplateParam", "{\"customer\":\"test\"}");
        parameters.put("Timestamp", "2017-07-12T02:42:19Z");
        parameters.put("Version", "2017-05-25");

        assertThat(AliyunRpcSignature.sign("GET", parameters, "testSecret")).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    }

    @Test
    void aliyunSmsSendsTheKindsTemplateSignedAsDocumented() throws Exception {
        peer.stubFor(post(urlPathEqualTo("/sms/")).willReturn(aResponse().withBody(
                "{\"Message\":\"OK\",\"RequestId\":\"F655A8D5\",\"Code\":\"OK\",\"BizId\":\"900619746936498440^0\"}")));

        smsChannel().send(MESSAGE, Address.of("13800138000"));

        LoggedRequest request = peer.findAll(postRequestedFor(urlPathEqualTo("/sms/"))).get(0);
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = new TreeMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        String nonce = form.get("SignatureNonce");
        assertThat(nonce).matches("[0-9a-f-]{36}");
        String signature = form.remove("Signature");
        assertThat(form).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                Map.entry("AccessKeyId", "key-id"), Map.entry("Action", "SendSms"), Map.entry("Format", "JSON"),
                Map.entry("PhoneNumbers", "13800138000"), Map.entry("RegionId", "cn-hangzhou"),
                Map.entry("SignName", "派克合同"), Map.entry("SignatureMethod", "HMAC-SHA1"),
                Map.entry("SignatureNonce", nonce), Map.entry("SignatureVersion", "1.0"),
                Map.entry("TemplateCode", "SMS_100001"),
                Map.entry("TemplateParam", "{\"number\":\"HT-2026-000007\",\"dueDate\":\"2026-12-10\"}"),
                Map.entry("Timestamp", "2026-12-07T01:30:00Z"), Map.entry("Version", "2017-05-25"))));
        assertThat(signature).isEqualTo(aliyunSignature("POST", form, "key-secret"));
    }

    @Test
    void aliyunSmsAnsweringAnErrorCodeIsAFailure() {
        peer.stubFor(post(urlPathEqualTo("/sms/")).willReturn(aResponse().withBody(
                "{\"Message\":\"触发小时级流控Permits:5\",\"RequestId\":\"x\",\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\"}")));

        assertThatThrownBy(() -> smsChannel().send(MESSAGE, Address.of("13800138000")))
                .isInstanceOfSatisfying(DeliveryFailed.class, e -> assertThat(e.permanent()).isFalse())
                .hasMessageContaining("isv.BUSINESS_LIMIT_CONTROL");
    }

    private AliyunSmsChannel smsChannel() {
        NotificationProperties properties = new NotificationProperties("x", null, List.of(),
                new NotificationProperties.Sms(true, URI.create(url("/sms/")), "key-id", "key-secret", "派克合同",
                        "cn-hangzhou", Map.of(NotificationKind.PAYMENT_REMINDER,
                        new NotificationProperties.SmsTemplate("SMS_100001", List.of("number", "dueDate")))),
                List.of(), Duration.ofSeconds(1), Duration.ofSeconds(3));
        return new AliyunSmsChannel(client, CLOCK, properties, json);
    }

    /** Aliyun's RPC signature, written out from its documentation for the test. */
    private static String aliyunSignature(String method, Map<String, String> sortedParameters, String secret)
            throws Exception {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> entry : sortedParameters.entrySet()) {
            query.append(query.isEmpty() ? "" : "&").append(rfc3986(entry.getKey())).append('=')
                    .append(rfc3986(entry.getValue()));
        }
        String stringToSign = method + "&%2F&" + rfc3986(query.toString());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    private static String rfc3986(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
