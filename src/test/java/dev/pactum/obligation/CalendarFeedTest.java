package dev.pactum.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.MilestoneEvent;
import dev.pactum.contract.MilestonePlan;
import dev.pactum.contract.NewContract;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The personal calendar feed over real HTTP: issued by its user, read with no session by the token alone, valid
 * iCalendar listing exactly the user's dates, 404 once revoked, issue and revocation in the audit trail.
 */
@PactumTest
class CalendarFeedTest {

    private static final String TITLE = "年度维护与备件服务合同（上海、北京、深圳三地机房），含第二期扩容；路径 C:\\合同\\2026";
    private static final Pattern UID_CONTRACT = Pattern.compile("^pactum-[a-z]+-(\\d+)(?:-\\d+)?@localhost$");

    private final HttpClient anonymous = HttpClient.newHttpClient();

    @Autowired ProcessEngine engine;
    @Autowired ApiClient api;
    @Autowired AfterApprovalContracts afterApproval;
    @Autowired SigningDriver signing;
    @Autowired ContractProcessDriver driver;
    @Autowired ContractService contractService;
    @Autowired ContractRepository contracts;
    @Autowired RenewalService renewals;
    @Autowired PactumProperties pactum;

    @BeforeEach
    void useEngine() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private NewContract request(String title) {
        LocalDate start = AfterApprovalContracts.today().plusDays(30);
        return new NewContract("sales-standard", afterApproval.customer().getId(), title, ContractType.SALES,
                new BigDecimal("100000.00"), "CNY", start, start.plusYears(1).minusDays(1), 30, Map.of(),
                new ContractTerms(new BigDecimal("100000.00"), false, 30, null), null,
                List.of(new MilestonePlan(start.plusDays(20), null, null, new BigDecimal("30000.00"), null, "首付款"),
                        new MilestonePlan(null, 90, MilestoneEvent.START, null, new BigDecimal("70"), "验收款")));
    }

    private ProcessInstance approved(String owner, String title) {
        Contract draft = contractService.draft(request(title), owner, null).contract();
        ProcessInstance instance = driver.instanceOf(contractService.submit(draft, owner));
        driver.decide(instance, "manager1", "approve", null);
        return instance;
    }

    private Contract active(String owner, String title) throws Exception {
        ProcessInstance instance = approved(owner, title);
        signing.startDateComes(instance, signing.signByBoth(instance));
        Contract contract = driver.contract(instance);
        assertThat(contract.getStatus()).isEqualTo(ContractStatus.ACTIVE);
        return contract;
    }

    private HttpResponse<byte[]> fetch(String path) throws Exception {
        return anonymous.send(HttpRequest.newBuilder(api.uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String path(JsonNode issued) {
        return URI.create(issued.get("url").asText()).getPath();
    }

    /** The events of a feed, by UID: each property's unfolded, unescaped value ("DTSTART;VALUE=DATE" keeps its name). */
    private static Map<String, Map<String, String>> events(String calendar) {
        Map<String, Map<String, String>> events = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : calendar.replace("\r\n ", "").split("\r\n")) {
            if (line.equals("BEGIN:VEVENT")) {
                current = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.put(current.get("UID"), current);
                current = null;
            } else if (current != null) {
                int colon = line.indexOf(':');
                current.put(line.substring(0, colon), ICalendarWriterTest.unescape(line.substring(colon + 1)));
            }
        }
        return events;
    }

    private static String date(LocalDate date) {
        return date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    @Test
    void theFeedIsValidICalendarWithEveryDateOfTheUserAndNoneOfAnotherUser() throws Exception {
        Contract mine = active("sales1", TITLE);
        Contract others = active("sales2", "别人的合同");
        ProcessInstance outForSignature = approved("sales1", "待签署合同");
        signing.companySigns(outForSignature);
        Contract signingContract = driver.contract(outForSignature);

        ApiClient.Response issued = api.send("sales1", "POST", "/api/me/calendar-token", null, "en");
        assertThat(issued.status()).as(String.valueOf(issued.body())).isEqualTo(201);
        assertThat(issued.body().get("url").asText()).matches("http://localhost:\\d+/calendar/[A-Za-z0-9_-]{43}\\.ics");
        HttpResponse<byte[]> feed = fetch(path(issued.body()));

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase(
                "text/calendar;charset=UTF-8");
        String calendar = new String(feed.body(), StandardCharsets.UTF_8);
        ICalendarWriterTest.assertWellFormed(calendar);
        assertThat(calendar).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").contains("CALSCALE:GREGORIAN\r\n",
                "X-WR-CALNAME:Pactum 我的合同日程 / Pactum: my contract dates\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(calendar.split("BEGIN:VEVENT", -1)).as("one VEVENT per date, UIDs unique")
                .hasSize(events(calendar).size() + 1);
        Map<String, Map<String, String>> events = events(calendar);

        Map<String, String> firstPayment = events.get("pactum-milestone-" + mine.getId() + "-1@localhost");
        assertThat(firstPayment.get("DTSTART;VALUE=DATE")).isEqualTo(date(mine.getStartDate().plusDays(20)));
        assertThat(firstPayment.get("SUMMARY")).isEqualTo(mine.getNumber() + " 回款到期：首付款（CNY 30,000.00） / "
                + "Payment due on " + mine.getNumber() + ": 首付款 (CNY 30,000.00)");
        assertThat(firstPayment.get("DESCRIPTION")).isEqualTo(mine.getNumber() + " " + TITLE
                + "\n客户：履约测试客户有限公司 / Customer: 履约测试客户有限公司\n" + pactum.baseUrl() + "/contracts/" + mine.getId());
        assertThat(firstPayment).containsKey("DTSTAMP");
        assertThat(events.get("pactum-milestone-" + mine.getId() + "-2@localhost").get("DTSTART;VALUE=DATE"))
                .isEqualTo(date(mine.getStartDate().plusDays(90)));
        Map<String, String> end = events.get("pactum-end-" + mine.getId() + "@localhost");
        assertThat(end.get("DTSTART;VALUE=DATE")).isEqualTo(date(mine.getEndDate()));
        assertThat(end.get("SUMMARY")).isEqualTo(mine.getNumber() + " 合同到期：" + TITLE + " / "
                + mine.getNumber() + " ends: " + TITLE);
        assertThat(events.get("pactum-notice-" + mine.getId() + "@localhost").get("DTSTART;VALUE=DATE"))
                .isEqualTo(date(renewals.noticeDeadline(mine)));
        assertThat(events.get("pactum-signature-" + signingContract.getId() + "@localhost").get("SUMMARY"))
                .contains("对方签署催办期限", "Counterparty signature of " + signingContract.getNumber() + " is due");

        List<Long> listed = new ArrayList<>();
        for (String uid : events.keySet()) {
            Matcher matcher = UID_CONTRACT.matcher(uid);
            assertThat(matcher.matches()).as(uid).isTrue();
            listed.add(Long.valueOf(matcher.group(1)));
        }
        assertThat(listed).doesNotContain(others.getId());
        assertThat(contracts.findAllById(listed)).allSatisfy(c -> assertThat(c.getOwner()).isEqualTo("sales1"));
        assertThat(events(new String(fetch(path(issued.body())).body(), StandardCharsets.UTF_8)).keySet())
                .as("the same UIDs every time, so calendar apps update instead of duplicating")
                .isEqualTo(events.keySet());
    }

    @Test
    void aRevokedReplacedOrUnknownTokenIsNotFoundAndTheTrailRecordsIssueAndRevocation() throws Exception {
        String user = "manager2";
        int createdBefore = auditRows(user, "CALENDAR_TOKEN_CREATE").size();
        int revokedBefore = auditRows(user, "CALENDAR_TOKEN_REVOKE").size();
        JsonNode first = api.send(user, "POST", "/api/me/calendar-token", null, "en").body();
        assertThat(fetch(path(first)).statusCode()).isEqualTo(200);

        JsonNode second = api.send(user, "POST", "/api/me/calendar-token", null, "en").body();

        assertThat(fetch(path(first)).statusCode()).as("a new address replaces the old one").isEqualTo(404);
        assertThat(fetch(path(second)).statusCode()).isEqualTo(200);
        assertThat(anonymous.send(HttpRequest.newBuilder(api.uri(path(second)))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).as("calendar apps may ask with HEAD first").isEqualTo(200);
        assertThat(api.send(user, "GET", "/api/me/calendar-token", null, "en").body().get("active").asBoolean())
                .isTrue();

        ApiClient.Response revoked = api.send(user, "DELETE", "/api/me/calendar-token", null, "en");

        assertThat(revoked.status()).isEqualTo(204);
        HttpResponse<byte[]> afterRevocation = fetch(path(second));
        assertThat(afterRevocation.statusCode()).isEqualTo(404);
        assertThat(afterRevocation.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(api.send(user, "DELETE", "/api/me/calendar-token", null, "zh-CN").body().toString())
                .contains("没有这个日历订阅地址");
        assertThat(fetch("/calendar/" + "A".repeat(43) + ".ics").statusCode()).isEqualTo(404);
        assertThat(fetch("/calendar/not-a-token.ics").statusCode()).isEqualTo(404);
        assertThat(fetch("/calendar/" + "A".repeat(43)).statusCode()).as("only the feed's own path is open")
                .isIn(302, 401);
        assertThat(api.send(null, "GET", "/api/me/calendar-token", null, "en").status()).isEqualTo(401);

        List<JsonNode> created = auditRows(user, "CALENDAR_TOKEN_CREATE");
        List<JsonNode> revocations = auditRows(user, "CALENDAR_TOKEN_REVOKE");
        assertThat(created).hasSize(createdBefore + 2);
        assertThat(revocations).hasSize(revokedBefore + 2);
        assertThat(revocations.get(0).path("httpStatus").asInt()).as("newest first: the refused second one")
                .isEqualTo(404);
        assertThat(revocations.get(1).path("httpStatus").asInt()).isEqualTo(204);
        String trail = api.send("auditor1", "GET", "/api/audit?size=500&user=" + user, null, null).body().toString();
        for (JsonNode issued : List.of(first, second)) {
            String token = path(issued).replace("/calendar/", "").replace(".ics", "");
            assertThat(trail).as("the token is never written to the trail").doesNotContain(token);
        }
    }

    private List<JsonNode> auditRows(String user, String action) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        api.send("auditor1", "GET", "/api/audit?size=500&user=" + user + "&action=" + action, null, null).body()
                .path("content").forEach(rows::add);
        return rows;
    }
}
