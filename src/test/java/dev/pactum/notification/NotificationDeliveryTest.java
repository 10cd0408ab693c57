package dev.pactum.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.TestPeers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders through the channels each user chose, end to end: recorded once per (event, recipient, channel), sent
 * after commit to a real HTTP peer, retried, deferred through quiet hours, and shown to admins when they keep failing.
 */
@PactumTest
class NotificationDeliveryTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String USER = "analyst1";
    private static final String USER_SECRET = "SECanalyst-secret";

    @Autowired NotificationService notifications;
    @Autowired NotificationDeliveries deliveries;
    @Autowired InAppNotificationRepository inbox;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiClient api;

    private final WireMockServer peer = TestPeers.peers();
    private String robotPath;

    @BeforeEach
    void myDingTalkAndPhone() throws Exception {
        at("2026-12-07T10:00");
        robotPath = "/robot/" + UUID.randomUUID();
        peer.stubFor(post(urlPathEqualTo(robotPath)).willReturn(aResponse().withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        peer.stubFor(post(urlPathEqualTo("/aliyun-sms/")).willReturn(aResponse()
                .withBody("{\"Message\":\"OK\",\"RequestId\":\"r\",\"Code\":\"OK\",\"BizId\":\"b\"}")));
        settings("""
                {"channels":{"PAYMENT_REMINDER":["DINGTALK","SMS"],"APPROVAL_ESCALATED":["DINGTALK"]},
                 "dingtalk":{"webhook":"%s?access_token=a1","secret":"%s"},"phone":"+86 138-0013-8000",
                 "quietHours":{"from":"22:00","to":"08:00"}}""".formatted(peerUrl(robotPath), USER_SECRET));
    }

    @AfterEach
    void backToDefaults() throws Exception {
        ClockUtil.reset();
        settings("{}");
    }

    @Test
    void aReminderReachesEachChosenChannelOnceEvenWhenRaisedAgainAndAfterARestart() throws Exception {
        // SMS go to one endpoint and phone all suite long: this reminder's contract number is its own.
        String number = "HT-SMS-" + UUID.randomUUID().toString().substring(0, 8);
        Notification reminder = paymentReminder(number);

        send(reminder);

        List<LoggedRequest> posts = robotPosts();
        assertThat(posts).hasSize(1);
        LoggedRequest post = posts.get(0);
        String timestamp = post.queryParameter("timestamp").firstValue();
        assertThat(Long.parseLong(timestamp)).isEqualTo(Instant.parse("2026-12-07T02:00:00Z").toEpochMilli());
        assertThat(post.queryParameter("sign").firstValue()).isEqualTo(dingTalkSign(timestamp, USER_SECRET));
        assertThat(post.getBodyAsString()).contains("\"msgtype\":\"markdown\"",
                "【回款提醒】合同 " + number + " 的回款 2026-12-10 到期");
        peer.verify(1, postRequestedFor(urlPathEqualTo("/aliyun-sms/"))
                .withRequestBody(containing("PhoneNumbers=13800138000"))
                .withRequestBody(containing("TemplateParam=" + AliyunRpcSignature.percentEncode(
                        "{\"number\":\"" + number + "\",\"dueDate\":\"2026-12-10\"}"))));

        send(reminder);
        int sentByANewPass = deliveries.deliverDue();

        assertThat(sentByANewPass).isZero();
        assertThat(robotPosts()).hasSize(1);
        peer.verify(1, postRequestedFor(urlPathEqualTo("/aliyun-sms/"))
                .withRequestBody(containing(AliyunRpcSignature.percentEncode(number))));
        assertThat(rows(reminder)).isEqualTo(2);
        assertThat(inbox.findAll()).filteredOn(n -> reminder.eventKey().equals(n.getEventKey())).hasSize(1);
    }

    @Test
    void aFailedSendIsRetriedAfterItsBackOffAndThenSucceeds() throws Exception {
        peer.stubFor(post(urlPathEqualTo(robotPath)).inScenario(robotPath).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withBody("bad gateway")).willSetStateTo("up"));
        peer.stubFor(post(urlPathEqualTo(robotPath)).inScenario(robotPath).whenScenarioStateIs("up")
                .willReturn(aResponse().withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        Notification reminder = paymentReminder();

        send(reminder);

        NotificationDeliveries.DeliveryState first = state(reminder, "DINGTALK");
        assertThat(first.status()).isEqualTo("PENDING");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("502");
        assertThat(first.nextAttemptAt()).isEqualTo(Instant.parse("2026-12-07T02:01:00Z"));

        deliveries.deliverDue();
        assertThat(robotPosts()).as("not before its back-off").hasSize(1);

        at("2026-12-07T10:01");
        deliveries.deliverDue();

        assertThat(robotPosts()).hasSize(2);
        NotificationDeliveries.DeliveryState sent = state(reminder, "DINGTALK");
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
    }

    @Test
    void aMessageThatKeepsFailingIsShownToAdminsWhoCanSendItAgain() throws Exception {
        peer.stubFor(post(urlPathEqualTo(robotPath)).willReturn(aResponse()
                .withBody("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")));
        Notification reminder = paymentReminder();

        send(reminder);
        at("2026-12-07T10:01");
        deliveries.deliverDue();
        at("2026-12-07T10:03");
        deliveries.deliverDue();
        at("2026-12-07T12:00");
        deliveries.deliverDue();

        assertThat(robotPosts()).as("three attempts (1 min, then 2 min apart), then no more").hasSize(3);
        NotificationDeliveries.DeliveryState failed = state(reminder, "DINGTALK");
        assertThat(failed.status()).isEqualTo("FAILED");
        ApiClient.Response list = api.send("admin", "GET", "/api/admin/notifications/failed?size=200", null, "en");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items").findValues("id")).extracting(node -> node.asLong())
                .contains(failed.id());
        assertThat(list.body().toString()).contains("310000", "sign not match", "analyst1");
        ApiClient.Response refused = api.send("sales1", "GET", "/api/admin/notifications/failed", null, "zh-CN");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asText()).isEqualTo("只有管理员可以查看和重试发送失败的通知。");

        peer.stubFor(post(urlPathEqualTo(robotPath)).willReturn(aResponse().withBody("{\"errcode\":0}")));
        ApiClient.Response retried = api.send("admin", "POST",
                "/api/admin/notifications/failed/" + failed.id() + "/retry", null, "en");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("status").asText()).isEqualTo("SENT");
        assertThat(robotPosts()).hasSize(4);
        assertThat(jdbc.queryForObject("select retried_by from notification_delivery where id = ?", String.class,
                failed.id())).isEqualTo("admin");
        assertThat(api.send("admin", "POST", "/api/admin/notifications/failed/" + failed.id() + "/retry", null, "en")
                .status()).as("only a failed message is retried").isEqualTo(409);
    }

    @Test
    void quietHoursHoldBackAReminderUntilTheyEndButNotAnEscalation() throws Exception {
        at("2026-12-07T23:30");
        Notification reminder = paymentReminder();

        send(reminder);
        send(escalation());

        assertThat(robotPosts()).as("only the escalation, at once").hasSize(1);
        assertThat(robotPosts().get(0).getBodyAsString()).contains("HT-TEST-0002");
        assertThat(state(reminder, "DINGTALK").nextAttemptAt())
                .isEqualTo(LocalDateTime.parse("2026-12-08T08:00").atZone(SHANGHAI).toInstant());

        at("2026-12-08T07:59");
        deliveries.deliverDue();
        assertThat(robotPosts()).hasSize(1);

        at("2026-12-08T08:00");
        deliveries.deliverDue();
        assertThat(robotPosts()).hasSize(2);
        assertThat(robotPosts().get(1).getBodyAsString()).contains("HT-TEST-0001");
    }

    @Test
    void theCompanyRobotForAKindHearsOfItSigned() throws Exception {
        peer.stubFor(post(urlPathEqualTo("/robots/finance")).willReturn(aResponse().withBody("{\"errcode\":0}")));
        String event = UUID.randomUUID().toString();
        Map<String, Object> model = reminderModel("HT-TEST-0003");
        model.put("receivedAmount", "¥ 0.00 CNY");

        send(Notification.of(NotificationKind.PAYMENT_OVERDUE, List.of(USER), model, null, "http://x/c/3")
                .asEvent(event));

        List<LoggedRequest> posts = peer.findAll(postRequestedFor(urlPathEqualTo("/robots/finance"))).stream()
                .filter(request -> request.getBodyAsString().contains("HT-TEST-0003")).toList();
        assertThat(posts).hasSize(1);
        LoggedRequest post = posts.get(0);
        assertThat(post.queryParameter("access_token").firstValue()).isEqualTo("t0k");
        String timestamp = post.queryParameter("timestamp").firstValue();
        assertThat(post.queryParameter("sign").firstValue())
                .isEqualTo(dingTalkSign(timestamp, TestPeers.ROBOT_SECRET));
        assertThat(jdbc.queryForObject("select status from notification_delivery where event_key = ? and recipient = ?",
                String.class, "payment-overdue:" + event, "robot:finance-group")).isEqualTo("SENT");
    }

    private Notification paymentReminder() {
        return paymentReminder("HT-TEST-0001");
    }

    private Notification paymentReminder(String number) {
        return Notification.of(NotificationKind.PAYMENT_REMINDER, List.of(USER), reminderModel(number), null,
                "http://pactum.test/contracts/1").asEvent(UUID.randomUUID().toString());
    }

    private Notification escalation() {
        Map<String, Object> model = reminderModel("HT-TEST-0002");
        model.put("level", 1);
        model.put("groups", "sales-managers");
        model.put("dueAt", "2026-12-07 21:00");
        return Notification.of(NotificationKind.APPROVAL_ESCALATED, List.of(USER), model, null,
                "http://pactum.test/contracts/2").asEvent(UUID.randomUUID().toString());
    }

    private static Map<String, Object> reminderModel(String number) {
        Map<String, Object> model = new HashMap<>();
        model.put("number", number);
        model.put("title", "年度服务");
        model.put("customerName", "测试客户 A&B");
        model.put("amountText", "¥ 100,000.00 CNY");
        model.put("milestone", "首付款");
        model.put("dueDate", "2026-12-10");
        model.put("milestoneAmount", "¥ 30,000.00 CNY");
        model.put("receivedAmount", "¥ 0.00 CNY");
        model.put("outstandingAmount", "¥ 30,000.00 CNY");
        return model;
    }

    /** As a timer job would: in a transaction, the messages going out once it commits. */
    private void send(Notification notification) {
        transaction.executeWithoutResult(status -> notifications.send(notification));
    }

    private List<LoggedRequest> robotPosts() {
        return peer.findAll(postRequestedFor(urlPathEqualTo(robotPath)));
    }

    private int rows(Notification notification) {
        Integer count = jdbc.queryForObject("select count(*) from notification_delivery where event_key = ?",
                Integer.class, notification.eventKey());
        return count == null ? 0 : count;
    }

    private NotificationDeliveries.DeliveryState state(Notification notification, String channel) {
        Long id = jdbc.queryForObject("select id from notification_delivery where event_key = ? and channel = ?",
                Long.class, notification.eventKey(), channel);
        return deliveries.state(id).orElseThrow();
    }

    private void settings(String body) throws Exception {
        ApiClient.Response saved = api.send(USER, "PUT", "/api/me/notification-settings", body, "en");
        assertThat(saved.status()).as(String.valueOf(saved.body())).isEqualTo(200);
    }

    private String peerUrl(String path) {
        return "http://127.0.0.1:" + peer.port() + path;
    }

    private static void at(String shanghaiTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant()
                .truncatedTo(ChronoUnit.SECONDS)));
    }

    /** DingTalk's sign as its documentation defines it: Base64 of HMAC-SHA256(secret, "timestamp\nsecret"). */
    private static String dingTalkSign(String timestamp, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    }
}
