package dev.pactum.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PactumTest
class NotificationSettingsApiTest {

    private static final String USER = "auditor1";
    private static final String PATH = "/api/me/notification-settings";

    @Autowired ApiClient api;

    @AfterEach
    void backToDefaults() throws Exception {
        api.send(USER, "PUT", PATH, "{}", "en");
    }

    @Test
    void withoutSettingsEveryKindGoesByEmailInTheCompanyZoneAtAnyHour() throws Exception {
        ApiClient.Response mine = api.send(USER, "GET", PATH, null, "en");

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().get("zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(mine.body().hasNonNull("quietHours")).isFalse();
        assertThat(mine.body().get("channels").size()).isEqualTo(NotificationKind.values().length);
        mine.body().get("channels").forEach(channels -> assertThat(channels.toString()).isEqualTo("[\"EMAIL\"]"));
        assertThat(mine.body().get("urgentKinds").toString()).contains("APPROVAL_ESCALATED")
                .doesNotContain("PAYMENT_REMINDER");
    }

    @Test
    void badSettingsAreRefusedFieldByFieldInTheReadersLanguageAndNothingIsStored() throws Exception {
        String bad = """
                {"zone":"Mars/Olympus","quietHours":{"from":"25:00","to":"08:00"},
                 "channels":{"NOPE":["EMAIL"],"PAYMENT_REMINDER":["DINGTALK","PIGEON"],"APPROVAL_REMINDER":["WECOM"]},
                 "dingtalk":{"webhook":"http://10.0.0.8/robot/send?access_token=x"},
                 "phone":"12345"}""";

        ApiClient.Response zh = api.send(USER, "PUT", PATH, bad, "zh-CN");
        ApiClient.Response en = api.send(USER, "PUT", PATH, bad, "en");

        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.contentType()).startsWith("application/problem+json");
        assertThat(zh.fields()).contains("zone", "quietHours.from", "channels.NOPE", "channels.PAYMENT_REMINDER",
                "channels.APPROVAL_REMINDER", "dingtalk.webhook", "phone");
        assertThat(zh.body().toString()).contains("时区 Mars/Olympus 无效", "手机号 12345 无效",
                "选择了 WECOM，但没有填写 WECOM 机器人的 Webhook 地址", "不能选择渠道“PIGEON”",
                "Webhook 地址无效：必须是 https 地址，主机为 oapi.dingtalk.com, 127.0.0.1 之一");
        assertThat(en.body().toString()).contains("Time zone Mars/Olympus is not valid",
                "There is no kind of notification \\\"NOPE\\\"", "Time 25:00 is not valid");
        assertThat(api.send(USER, "GET", PATH, null, "en").body().hasNonNull("phone")).isFalse();
    }

    @Test
    void chosenChannelsQuietHoursAndRobotsAreKeptAndASecretIsNeverShown() throws Exception {
        ApiClient.Response saved = api.send(USER, "PUT", PATH, """
                {"zone":"Europe/Berlin","quietHours":{"from":"22:00","to":"07:30"},
                 "channels":{"PAYMENT_REMINDER":["DINGTALK","SMS","EMAIL"],"CONTRACT_TERMINATED":[]},
                 "dingtalk":{"webhook":"https://oapi.dingtalk.com/robot/send?access_token=abc","secret":"SECxyz"},
                 "phone":"+8613900139000"}""", "en");

        assertThat(saved.status()).as(String.valueOf(saved.body())).isEqualTo(200);
        ApiClient.Response mine = api.send(USER, "GET", PATH, null, "en");
        assertThat(mine.body().get("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(mine.body().get("quietHours").toString()).isEqualTo("{\"from\":\"22:00\",\"to\":\"07:30\"}");
        assertThat(mine.body().get("channels").get("PAYMENT_REMINDER").toString())
                .isEqualTo("[\"DINGTALK\",\"EMAIL\",\"SMS\"]");
        assertThat(mine.body().get("channels").get("CONTRACT_TERMINATED").toString()).isEqualTo("[]");
        assertThat(mine.body().get("channels").get("APPROVAL_REMINDER").toString()).isEqualTo("[\"EMAIL\"]");
        assertThat(mine.body().get("phone").asText()).isEqualTo("13900139000");
        assertThat(mine.body().get("dingtalk").toString()).isEqualTo(
                "{\"webhook\":\"https://oapi.dingtalk.com/robot/send?access_token=abc\",\"secretSet\":true}");
        assertThat(mine.body().toString()).doesNotContain("SECxyz");

        api.send(USER, "PUT", PATH, """
                {"channels":{"PAYMENT_REMINDER":["DINGTALK"]},
                 "dingtalk":{"webhook":"https://oapi.dingtalk.com/robot/send?access_token=abc"}}""", "en");

        assertThat(api.send(USER, "GET", PATH, null, "en").body().get("dingtalk").get("secretSet").asBoolean())
                .as("a secret left out is kept for the same webhook").isTrue();
    }
}
