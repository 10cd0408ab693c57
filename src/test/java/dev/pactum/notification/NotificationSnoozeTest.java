package dev.pactum.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Snoozing an in-app reminder over real HTTP, with the engine's clock moved past the snooze. */
@PactumTest
class NotificationSnoozeTest {

    private static final String USER = "legal1";

    @Autowired ApiClient api;
    @Autowired InAppNotificationRepository inbox;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private long reminder(String subject) {
        return inbox.save(new InAppNotification(USER, NotificationKind.PAYMENT_REMINDER,
                new RenderedNotification(subject, "回款提醒 Payment reminder"), "http://localhost/contracts/1", null,
                Instant.now(), "snooze-test:" + UUID.randomUUID())).getId();
    }

    private List<Long> listed(boolean unreadOnly) throws Exception {
        JsonNode page = api.send(USER, "GET", "/api/notifications?size=100&unread=" + unreadOnly, null, "en").body();
        List<Long> ids = new ArrayList<>();
        page.get("content").forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    private String homePage() throws Exception {
        HttpResponse<String> page = api.send(api.request(USER, "GET", "/home", null, "zh-CN"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private static void clockAt(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
    }

    @Test
    void aSnoozedReminderIsHiddenUntilItsTimeAndThenComesBackUnreadOnTop() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        clockAt(now);
        String subject = "推迟的提醒 snoozed " + UUID.randomUUID();
        long snoozed = reminder(subject);
        long other = reminder("另一条提醒 other");
        api.send(USER, "POST", "/api/notifications/" + snoozed + "/read", null, "en");

        ApiClient.Response answer = api.send(USER, "POST", "/api/notifications/" + snoozed + "/snooze",
                "{\"for\":\"P1D\"}", "en");

        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        Instant until = Instant.parse(answer.body().get("snoozedUntil").asText());
        assertThat(Duration.between(now, until)).isEqualTo(Duration.ofDays(1));
        assertThat(answer.body().get("read").asBoolean()).isFalse();
        assertThat(listed(false)).contains(other).doesNotContain(snoozed);
        assertThat(listed(true)).doesNotContain(snoozed);
        assertThat(homePage()).as("the home page's unread list too").doesNotContain(subject);

        clockAt(until.minusSeconds(1));
        assertThat(listed(false)).doesNotContain(snoozed);

        clockAt(until.plusSeconds(60));
        List<Long> unread = listed(true);
        assertThat(unread).contains(snoozed, other);
        assertThat(unread.indexOf(snoozed)).as("back where it came back, newer than the other").isLessThan(
                unread.indexOf(other));
        assertThat(homePage()).contains(subject);
    }

    @Test
    void aWeekOrAnExactTimeWithinThirtyDaysMayBeChosen() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        clockAt(now);
        long week = reminder("一周");
        long exact = reminder("指定时间");
        OffsetDateTime at = OffsetDateTime.ofInstant(now.plus(Duration.ofDays(29)), ZoneOffset.ofHours(8))
                .withNano(0);

        ApiClient.Response byWeek = api.send(USER, "POST", "/api/notifications/" + week + "/snooze",
                "{\"for\":\"P7D\"}", "en");
        ApiClient.Response byTime = api.send(USER, "POST", "/api/notifications/" + exact + "/snooze",
                "{\"until\":\"" + at + "\"}", "en");

        assertThat(Instant.parse(byWeek.body().get("snoozedUntil").asText())).isEqualTo(now.plus(Duration.ofDays(7)));
        assertThat(Instant.parse(byTime.body().get("snoozedUntil").asText())).isEqualTo(at.toInstant());
        clockAt(now.plus(Duration.ofDays(8)));
        assertThat(listed(true)).contains(week).doesNotContain(exact);
    }

    @Test
    void badSnoozesAreRefusedInTheReadersLanguageAndChangeNothing() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        clockAt(now);
        long id = reminder("不能乱推迟");
        String path = "/api/notifications/" + id + "/snooze";

        ApiClient.Response period = api.send(USER, "POST", path, "{\"for\":\"P3D\"}", "zh-CN");
        ApiClient.Response periodEn = api.send(USER, "POST", path, "{\"for\":\"P3D\"}", "en");
        ApiClient.Response both = api.send(USER, "POST", path, "{\"for\":\"P1D\",\"until\":\"2030-01-01T00:00Z\"}", "en");
        ApiClient.Response neither = api.send(USER, "POST", path, "{}", "zh-CN");
        ApiClient.Response garbled = api.send(USER, "POST", path, "{\"until\":\"next tuesday\"}", "en");
        ApiClient.Response tooFar = api.send(USER, "POST", path,
                "{\"until\":\"" + now.plus(Duration.ofDays(31)) + "\"}", "zh-CN");
        ApiClient.Response past = api.send(USER, "POST", path, "{\"until\":\"" + now.minusSeconds(60) + "\"}", "en");

        assertThat(List.of(period, periodEn, both, neither, garbled, tooFar, past))
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                });
        assertThat(period.fields()).containsExactly("for");
        assertThat(period.body().toString()).contains("不支持推迟 P3D");
        assertThat(periodEn.body().toString()).contains("Snoozing for P3D is not offered");
        assertThat(neither.body().toString()).contains("请只填写 for");
        assertThat(both.fields()).containsExactly("until");
        assertThat(garbled.body().toString()).contains("Time next tuesday is not valid");
        assertThat(tooFar.fields()).containsExactly("until");
        assertThat(tooFar.body().toString()).contains("不超过 30 天之后");
        assertThat(past.body().toString()).contains("must be after now");
        assertThat(inbox.findById(id).orElseThrow().getSnoozedUntil()).isNull();
        assertThat(listed(true)).contains(id);
    }

    @Test
    void onlyTheRecipientMaySnoozeIt() throws Exception {
        long id = reminder("别人的提醒");

        ApiClient.Response stranger = api.send("sales1", "POST", "/api/notifications/" + id + "/snooze",
                "{\"for\":\"P1D\"}", "en");
        ApiClient.Response missing = api.send(USER, "POST", "/api/notifications/999999999/snooze",
                "{\"for\":\"P1D\"}", "en");

        assertThat(stranger.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(inbox.findById(id).orElseThrow().getSnoozedUntil()).isNull();
    }
}
