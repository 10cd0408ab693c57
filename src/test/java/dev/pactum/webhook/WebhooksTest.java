package dev.pactum.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.TestPeers;
import dev.pactum.contract.TestContracts;
import dev.pactum.contract.Contract;
import dev.pactum.contract.MilestonePlan;
import dev.pactum.obligation.AfterApprovalContracts;
import dev.pactum.obligation.SigningDriver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signed webhooks over real HTTP to WireMock: the receiver checks every signature itself, peers go down and come
 * back, refuse, go away (410); admins replay; bad URLs, non-admins and tokens without the scope are refused; every
 * change to a subscription is in the audit trail.
 */
@PactumTest
class WebhooksTest {

    @Autowired ApiClient api;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestContracts testContracts;
    @Autowired AfterApprovalContracts afterApproval;
    @Autowired WebhookDispatcher dispatcher;

    private final WireMockServer receiver = TestPeers.peers();
    private final String hook = "/hooks/" + ThreadLocalRandom.current().nextInt(1_000_000);

    private record Subscribed(long id, String secret) {
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        jdbc.update("delete from webhook_subscription");
    }

    @Test
    void aReceiverGetsEachEventOnceSignedWithTheSecretItWasShownOnce() throws Exception {
        receiver.stubFor(post(urlPathEqualTo(hook)).willReturn(ok("{\"received\": true}")));
        Subscribed subscribed = subscribe(hook, "contract.created", "contract.submitted", "contract.approved");

        var instance = afterApproval.approved("80000.00", List.of());
        assertThat(sendAll()).isEqualTo(3);

        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlPathEqualTo(hook)));
        assertThat(requests).hasSize(3);
        for (LoggedRequest request : requests) {
            String timestamp = request.getHeader("X-Pactum-Timestamp");
            assertThat(request.getHeader("X-Pactum-Signature"))
                    .isEqualTo("sha256=" + hmacHex(subscribed.secret(), timestamp + "." + request.getBodyAsString()));
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(300);
            JsonNode body = json.readTree(request.getBodyAsString());
            assertThat(body.get("id").asText()).isEqualTo(request.getHeader("X-Pactum-Event-Id"));
            assertThat(body.get("type").asText()).isEqualTo(request.getHeader("X-Pactum-Event-Type"));
            assertThat(body.at("/contract/title").asText()).isEqualTo("履约测试合同");
            assertThat(body.at("/contract/amount").asText()).isEqualTo("80000.00");
            assertThat(body.at("/contract/currency").asText()).isEqualTo("CNY");
            assertThat(body.at("/contract/customer/name").asText()).isEqualTo("履约测试客户有限公司");
            assertThat(body.at("/contract/number").asText()).startsWith("HT-").isEqualTo(instance.getBusinessKey());
            assertThat(body.get("occurredAt").asText()).isNotBlank();
        }
        Map<String, JsonNode> byType = requests.stream().map(this::body)
                .collect(Collectors.toMap(body -> body.get("type").asText(), body -> body));
        assertThat(byType.keySet()).containsExactlyInAnyOrder("contract.created", "contract.submitted",
                "contract.approved");
        assertThat(byType.get("contract.created").at("/contract/status").asText()).isEqualTo("DRAFT");
        assertThat(byType.get("contract.submitted").at("/data/from").asText()).isEqualTo("DRAFT");
        assertThat(byType.get("contract.approved").at("/contract/status").asText()).isEqualTo("SIGNING");
        assertThat(byType.get("contract.approved").at("/data/to").asText()).isEqualTo("SIGNING");

        JsonNode deliveries = admin("GET", "/api/admin/webhooks/deliveries?subscriptionId=" + subscribed.id(), null)
                .body();
        assertThat(deliveries).hasSize(3);
        deliveries.forEach(delivery -> {
            assertThat(delivery.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(delivery.get("attempts").asInt()).isOne();
        });
        JsonNode detail = admin("GET", "/api/admin/webhooks/deliveries/" + deliveries.get(0).get("id").asLong(),
                null).body();
        assertThat(detail.at("/attempts/0/httpStatus").asInt()).isEqualTo(200);
        assertThat(detail.at("/attempts/0/responseSnippet").asText()).isEqualTo("{\"received\": true}");
        assertThat(detail.at("/body/id").asText()).isEqualTo(detail.at("/delivery/eventId").asText());

        assertThat(admin("GET", "/api/admin/webhooks", null).body().toString()).doesNotContain(subscribed.secret());
        assertThat(jdbc.queryForObject("""
                select count(*) from webhook_subscription
                where position(convert_to(?, 'UTF8') in secret_sealed) > 0 or secret_key_id is null""",
                Integer.class, subscribed.secret())).as("the secret is kept sealed, never as itself").isZero();
        assertThat(sendAll()).as("nothing is sent twice").isZero();
    }

    @Test
    void aPeerThatIsDownIsTriedAgainAfterOneThenTwoMinutesAndGetsTheEventOnce() throws Exception {
        receiver.stubFor(post(urlPathEqualTo(hook)).inScenario(hook).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("maintenance")).willSetStateTo("still down"));
        receiver.stubFor(post(urlPathEqualTo(hook)).inScenario(hook).whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        receiver.stubFor(post(urlPathEqualTo(hook)).inScenario(hook).whenScenarioStateIs("up").willReturn(ok()));
        subscribe(hook, "contract.created");
        testContracts.draft("sales1", "1000.00");

        Instant start = Instant.now();
        at(start);
        assertThat(sendAll()).isOne();
        assertThat(sendAll()).as("not due before its back-off").isZero();
        at(start.plusSeconds(59));
        assertThat(sendAll()).isZero();
        at(start.plusSeconds(61));
        assertThat(sendAll()).isOne();
        at(start.plusSeconds(61 + 119));
        assertThat(sendAll()).as("the second wait is two minutes").isZero();
        at(start.plusSeconds(61 + 121));
        assertThat(sendAll()).isOne();

        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlPathEqualTo(hook)));
        assertThat(requests).hasSize(3);
        assertThat(requests.stream().map(r -> r.getHeader("X-Pactum-Event-Id")).distinct()).hasSize(1);
        assertThat(requests.stream().map(LoggedRequest::getBodyAsString).distinct()).as("the same bytes").hasSize(1);
        assertThat(requests.stream().map(r -> r.getHeader("X-Pactum-Attempt"))).containsExactly("1", "2", "3");
        assertThat(jdbc.queryForList("select outcome || ':' || http_status from webhook_attempt a"
                + " join webhook_delivery d on d.id = a.delivery_id order by a.id", String.class))
                .containsExactly("RETRY:503", "RETRY:502", "DELIVERED:200");
        assertThat(jdbc.queryForObject("select response_snippet from webhook_attempt order by id limit 1",
                String.class)).isEqualTo("maintenance");
    }

    @Test
    void aDeliveryIsMarkedFailedAfterItsLastAttempt() throws Exception {
        receiver.stubFor(post(urlPathEqualTo(hook)).willReturn(aResponse().withStatus(500)));
        subscribe(hook, "contract.created");
        testContracts.draft("sales1", "1000.00");
        Instant now = Instant.now();
        int sent = 0;
        for (int i = 0; i < 12; i++) {
            at(now);
            sent += sendAll();
            now = now.plus(Duration.ofHours(7));
        }
        assertThat(sent).as("max-attempts").isEqualTo(8);
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo(hook)))).hasSize(8);
        assertThat(jdbc.queryForObject("select status from webhook_delivery", String.class)).isEqualTo("FAILED");
        assertThat(jdbc.queryForList("select outcome from webhook_attempt order by id", String.class))
                .hasSize(8).endsWith("FAILED").startsWith("RETRY", "RETRY");
        List<Instant> started = jdbc.queryForList("select started_at from webhook_attempt order by id",
                java.sql.Timestamp.class).stream().map(java.sql.Timestamp::toInstant).toList();
        assertThat(Duration.between(started.get(0), started.get(1))).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void gone410SwitchesTheSubscriptionOffAndOther4xxFailAtOnceWithoutRetries() throws Exception {
        String gone = hook + "-gone";
        String refusing = hook + "-refusing";
        receiver.stubFor(post(urlPathEqualTo(gone)).willReturn(aResponse().withStatus(410)));
        receiver.stubFor(post(urlPathEqualTo(refusing)).willReturn(aResponse().withStatus(400).withBody("bad")));
        Subscribed goneSubscription = subscribe(gone, "contract.created");
        Subscribed refusingSubscription = subscribe(refusing, "contract.created");
        testContracts.draft("sales1", "1000.00");

        assertThat(sendAll()).isEqualTo(2);
        Instant now = Instant.now();
        for (int hours = 1; hours <= 48; hours *= 2) {
            at(now.plus(Duration.ofHours(hours)));
            assertThat(sendAll()).as("no retry storm").isZero();
        }
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo(gone)))).hasSize(1);
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo(refusing)))).hasSize(1);
        JsonNode off = admin("GET", "/api/admin/webhooks/" + goneSubscription.id(), null).body();
        assertThat(off.get("enabled").asBoolean()).isFalse();
        assertThat(off.get("disabledReason").asText()).contains("410");
        assertThat(admin("GET", "/api/admin/webhooks/" + refusingSubscription.id(), null).body().get("enabled")
                .asBoolean()).isTrue();
        assertThat(jdbc.queryForList("select d.status || ':' || a.outcome from webhook_delivery d"
                + " join webhook_attempt a on a.delivery_id = d.id order by d.subscription_id", String.class))
                .containsExactly("FAILED:GONE", "FAILED:FAILED");

        ClockUtil.reset();
        testContracts.draft("sales1", "1000.00");
        assertThat(sendAll()).as("only the subscription still on gets the next event").isOne();
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo(refusing)))).hasSize(2);
    }

    @Test
    void anAdminReplaysAFailedDeliveryWithTheSameEventAndBody() throws Exception {
        receiver.stubFor(post(urlPathEqualTo(hook)).willReturn(aResponse().withStatus(422)));
        Subscribed subscribed = subscribe(hook, "contract.created");
        testContracts.draft("sales1", "1000.00");
        assertThat(sendAll()).isOne();
        long delivery = jdbc.queryForObject("select id from webhook_delivery", Long.class);
        assertThat(admin("GET", "/api/admin/webhooks/deliveries?status=FAILED", null).body().get(0).get("id")
                .asLong()).isEqualTo(delivery);

        assertThat(api.send("sales1", "POST", "/api/admin/webhooks/deliveries/" + delivery + "/replay", null, "en")
                .status()).isEqualTo(403);
        receiver.stubFor(post(urlPathEqualTo(hook)).willReturn(ok()));
        ApiClient.Response replayed = admin("POST", "/api/admin/webhooks/deliveries/" + delivery + "/replay", null);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body().get("status").asText()).isEqualTo("PENDING");
        assertThat(sendAll()).isOne();

        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlPathEqualTo(hook)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader("X-Pactum-Event-Id")).isEqualTo(requests.get(0)
                .getHeader("X-Pactum-Event-Id"));
        assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
        assertThat(requests.get(1).getHeader("X-Pactum-Signature")).isEqualTo("sha256=" + hmacHex(subscribed.secret(),
                requests.get(1).getHeader("X-Pactum-Timestamp") + "." + requests.get(1).getBodyAsString()));
        JsonNode detail = admin("GET", "/api/admin/webhooks/deliveries/" + delivery, null).body();
        assertThat(detail.at("/delivery/status").asText()).isEqualTo("DELIVERED");
        assertThat(detail.get("attempts")).hasSize(2);
        assertThat(detail.at("/attempts/0/outcome").asText()).isEqualTo("FAILED");
        assertThat(detail.at("/attempts/0/httpStatus").asInt()).isEqualTo(422);

        admin("PATCH", "/api/admin/webhooks/" + subscribed.id(), "{\"enabled\": false}");
        ApiClient.Response switchedOff = api.send("admin", "POST", "/api/admin/webhooks/deliveries/" + delivery
                + "/replay", null, "en");
        assertThat(switchedOff.status()).isEqualTo(409);
        assertThat(switchedOff.body().get("detail").asText()).contains("switched off");
    }

    @Test
    void urlsThatReachWhatOnlyTheServerReachesAreRefusedInTheCallersLanguageAndNothingIsStored() throws Exception {
        Map<String, String> refused = Map.of(
                "http://169.254.169.254/latest/meta-data/", "metadata",
                "https://169.254.169.254/latest/meta-data/", "metadata",
                "https://100.100.100.200/latest/meta-data/", "metadata",
                "https://[fe80::1]/hook", "link-local",
                "https://169.254.10.1/hook", "link-local",
                "https://0.0.0.0/hook", "unspecified",
                "http://example.com/hook", "https",
                "ftp://example.com/hook", "https://",
                "https://user:password@example.com/hook", "https://",
                "not a url", "https://");
        for (Map.Entry<String, String> url : refused.entrySet()) {
            ApiClient.Response answer = api.send("admin", "POST", "/api/admin/webhooks", """
                    {"url": %s, "events": ["contract.created"]}""".formatted(json.writeValueAsString(url.getKey())),
                    "en");
            assertThat(answer.status()).as(url.getKey()).isEqualTo(400);
            assertThat(answer.fields()).containsExactly("url");
            assertThat(answer.body().at("/errors/0/message").asText()).as(url.getKey()).contains(url.getValue());
        }
        ApiClient.Response chinese = api.send("admin", "POST", "/api/admin/webhooks",
                "{\"url\": \"https://169.254.169.254/\", \"events\": [\"contract.nothing\"]}", "zh-CN");
        assertThat(chinese.body().toString()).contains("云服务器元数据地址", "未知的事件类型 contract.nothing");
        assertThat(chinese.fields()).containsExactlyInAnyOrder("url", "events");
        assertThat(jdbc.queryForObject("select count(*) from webhook_subscription", Integer.class)).isZero();

        WebhookProperties production = new WebhookProperties(true, Duration.ofSeconds(5), 20, 4,
                Duration.ofMinutes(1), Duration.ofHours(6), 8, Duration.ofSeconds(5), Duration.ofSeconds(10), false,
                false, Duration.ofDays(30), "0 0 8 * * *");
        assertThat(WebhookUrls.problem("https://127.0.0.1/hook", production).orElseThrow().messageKey())
                .isEqualTo("pactum.webhook.validation.urlLoopback");
        assertThat(WebhookUrls.problem("http://localhost/hook", production).orElseThrow().messageKey())
                .isEqualTo("pactum.webhook.validation.urlHttps");
        assertThat(WebhookUrls.problem("https://10.1.2.3/hook", production).orElseThrow().messageKey())
                .isEqualTo("pactum.webhook.validation.urlPrivate");
        assertThat(WebhookUrls.problem("https://[fd00:ec2::254]/", production).orElseThrow().messageKey())
                .isEqualTo("pactum.webhook.validation.urlMetadata");
        assertThat(WebhookUrls.problem("https://[::ffff:169.254.169.254]/", production).orElseThrow().messageKey())
                .isEqualTo("pactum.webhook.validation.urlMetadata");
        assertThat(WebhookUrls.problem("https://203.0.113.7/hook", production)).isEmpty();
    }

    @Test
    void aUrlPointedAtAForbiddenAddressAfterRegistrationIsNotCalled() throws Exception {
        receiver.stubFor(post(urlPathEqualTo(hook)).willReturn(ok()));
        Subscribed subscribed = subscribe(hook, "contract.created");
        // As if its name had been pointed at the metadata service since (DNS rebinding): checked before every call.
        jdbc.update("update webhook_subscription set url = 'https://169.254.169.254/hook' where id = ?",
                subscribed.id());
        testContracts.draft("sales1", "1000.00");
        assertThat(sendAll()).isOne();
        assertThat(jdbc.queryForObject("select status || ':' || last_error from webhook_delivery", String.class))
                .startsWith("FAILED:").contains("169.254.169.254");
    }

    @Test
    void onlyAdminsAndTokensWithTheWebhooksScopeManageWebhooks() throws Exception {
        for (String user : List.of("sales1", "manager1", "finance1", "auditor1")) {
            ApiClient.Response answer = api.send(user, "POST", "/api/admin/webhooks", """
                    {"url": "http://127.0.0.1:%d%s", "events": ["contract.created"]}""".formatted(receiver.port(),
                    hook), "en");
            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.body().get("type").asText()).isEqualTo("https://pactum.dev/problems/forbidden");
            assertThat(api.send(user, "GET", "/api/admin/webhooks/deliveries", null, "en").status()).isEqualTo(403);
        }
        String name = "svc-hooks-" + ThreadLocalRandom.current().nextInt(1_000_000);
        long account = admin("POST", "/api/admin/service-accounts",
                "{\"name\": \"" + name + "\", \"groups\": [\"camunda-admin\"]}").body().get("id").asLong();
        String writer = admin("POST", "/api/admin/service-accounts/" + account + "/tokens",
                "{\"name\": \"w\", \"scopes\": [\"read\", \"write\"], \"validDays\": 1}").body().get("secret").asText();
        String hooks = admin("POST", "/api/admin/service-accounts/" + account + "/tokens",
                "{\"name\": \"h\", \"scopes\": [\"webhooks\"], \"validDays\": 1}").body().get("secret").asText();
        String body = "{\"url\": \"http://127.0.0.1:%d%s\", \"events\": [\"contract.created\"]}"
                .formatted(receiver.port(), hook);
        assertThat(bearer(writer, "POST", "/api/admin/webhooks", body).statusCode())
                .as("an admin account's token without the webhooks scope").isEqualTo(403);
        HttpResponse<String> created = bearer(hooks, "POST", "/api/admin/webhooks", body);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json.readTree(created.body()).at("/subscription/createdBy").asText()).isEqualTo(name);
        assertThat(bearer(hooks, "GET", "/api/contracts", null).statusCode()).as("webhooks only").isEqualTo(403);
        assertThat(api.send("admin", "GET", "/api/admin/webhooks", null, "en").body()).hasSize(1);
    }

    @Test
    void everyChangeToASubscriptionIsInTheAuditTrailWithoutItsSecret() throws Exception {
        Subscribed subscribed = subscribe(hook, "contract.created");
        admin("PATCH", "/api/admin/webhooks/" + subscribed.id(),
                "{\"enabled\": false, \"events\": [\"contract.signed\", \"payment.received\"]}");
        String rotated = admin("POST", "/api/admin/webhooks/" + subscribed.id() + "/secret", null).body()
                .get("secret").asText();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(subscribed.secret());
        assertThat(admin("DELETE", "/api/admin/webhooks/" + subscribed.id(), null).status()).isEqualTo(204);
        assertThat(api.send("admin", "GET", "/api/admin/webhooks/" + subscribed.id(), null, "en").status())
                .isEqualTo(404);

        List<Map<String, Object>> rows = jdbc.queryForList("""
                select * from (select seq, action, actor, object_id, outcome, before_state, after_state
                               from audit_event where object_type = 'webhook_subscription' order by seq desc limit 10) t
                order by seq""");
        List<String> actions = rows.stream().map(row -> row.get("action") + ":" + row.get("actor") + ":"
                + row.get("outcome")).toList();
        assertThat(actions).containsSubsequence("WEBHOOK_CREATE:admin:SUCCESS", "WEBHOOK_CHANGE:admin:SUCCESS",
                "WEBHOOK_SECRET_ROTATE:admin:SUCCESS", "WEBHOOK_DELETE:admin:SUCCESS");
        Map<String, Object> change = rows.stream().filter(row -> "WEBHOOK_CHANGE".equals(row.get("action")))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(String.valueOf(change.get("object_id"))).isEqualTo(String.valueOf(subscribed.id()));
        assertThat(String.valueOf(change.get("before_state"))).contains("\"enabled\":true", "contract.created");
        assertThat(String.valueOf(change.get("after_state"))).contains("\"enabled\":false", "payment.received");
        String all = rows.toString();
        assertThat(all).contains(hook).doesNotContain(subscribed.secret()).doesNotContain(rotated);
    }

    @Test
    void twoNodesSendingAtOnceDeliverEachEventExactlyOnce() throws Exception {
        receiver.stubFor(post(urlPathEqualTo(hook)).willReturn(ok().withFixedDelay(5)));
        subscribe(hook, "contract.created");
        long contract = testContracts.draft("sales1", "1000.00").getId();
        jdbc.update("delete from webhook_delivery");
        int events = 150;
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < events; i++) {
                outbox.record(WebhookEventType.CONTRACT_CREATED, contract, Map.of("n", i), null);
            }
        });
        WebhookDispatcher otherNode = new WebhookDispatcher(jdbc, transactions, cipher, settings, clock);
        try {
            List<Thread> nodes = new ArrayList<>();
            for (WebhookDispatcher node : List.of(dispatcher, otherNode)) {
                nodes.add(new Thread(() -> {
                    while (node.dispatchDue() > 0) {
                        Thread.onSpinWait();
                    }
                }));
            }
            nodes.forEach(Thread::start);
            for (Thread node : nodes) {
                node.join(Duration.ofMinutes(2).toMillis());
            }
        } finally {
            otherNode.destroy();
        }
        List<String> received = receiver.findAll(postRequestedFor(urlPathEqualTo(hook))).stream()
                .map(request -> request.getHeader("X-Pactum-Event-Id")).toList();
        assertThat(received).hasSize(events);
        assertThat(Set.copyOf(received)).hasSize(events);
        assertThat(jdbc.queryForObject("select count(*) from webhook_delivery where status = 'DELIVERED' and attempts = 1",
                Integer.class)).isEqualTo(events);
    }

    @Test
    void signingActivationPaymentsAnOverdueMilestoneTheComingEndAndTerminationAreAnnounced() throws Exception {
        receiver.stubFor(post(urlPathEqualTo(hook)).willReturn(ok()));
        subscribe(hook, "contract.signed", "contract.activated", "payment.received", "payment.overdue",
                "contract.expiring", "contract.terminated");
        LocalDate start = AfterApprovalContracts.today().plusDays(30);
        LocalDate due = start.plusDays(20);
        ProcessInstance instance = afterApproval.approved("100000.00", List.of(
                new MilestonePlan(due, null, null, new BigDecimal("100000.00"), null, "全款")));
        Contract contract = signing.signByBoth(instance);
        signing.startDateComes(instance, contract);

        at(due.plusDays(1).atStartOfDay(ZONE).toInstant());
        signing.execute(instance, "paymentOverdue");
        ApiClient.Response paid = api.send("finance1", "POST", "/api/contracts/" + contract.getId() + "/payments", """
                {"milestoneId": 1, "amount": 40000.00, "paidOn": "%s", "reference": "银行流水 001"}"""
                .formatted(due.plusDays(1)), "en");
        assertThat(paid.status()).as("%s", paid.body()).isEqualTo(201);

        at(contract.getEndDate().minusDays(10).atTime(8, 0).atZone(ZONE).toInstant());
        assertThat(outbox.announceExpiring()).isOne();
        assertThat(outbox.announceExpiring()).as("once per contract and end date").isZero();
        assertThat(api.send("manager1", "POST", "/api/contracts/" + contract.getId() + "/terminate",
                "{\"reason\": \"双方协商解除\"}", "en").status()).isEqualTo(200);

        assertThat(sendAll()).isEqualTo(6);
        Map<String, JsonNode> byType = receiver.findAll(postRequestedFor(urlPathEqualTo(hook))).stream()
                .map(this::body).collect(Collectors.toMap(body -> body.get("type").asText(), body -> body));
        assertThat(byType.keySet()).containsExactlyInAnyOrder("contract.signed", "contract.activated",
                "payment.overdue", "payment.received", "contract.expiring", "contract.terminated");
        assertThat(byType.get("contract.activated").at("/contract/status").asText()).isEqualTo("ACTIVE");
        assertThat(byType.get("payment.overdue").at("/data/milestone/status").asText()).isEqualTo("OVERDUE");
        assertThat(byType.get("payment.overdue").at("/data/milestone/overdueSince").asText())
                .isEqualTo(due.plusDays(1).toString());
        JsonNode payment = byType.get("payment.received");
        assertThat(payment.at("/data/payment/amount").asText()).isEqualTo("40000.00");
        assertThat(payment.at("/data/payment/reference").asText()).isEqualTo("银行流水 001");
        assertThat(payment.at("/data/milestone/outstanding").asText()).isEqualTo("60000.00");
        assertThat(payment.at("/data/overpaid").asBoolean()).isFalse();
        assertThat(byType.get("contract.expiring").at("/data/daysLeft").asInt()).isEqualTo(10);
        assertThat(byType.get("contract.expiring").at("/data/endDate").asText())
                .isEqualTo(contract.getEndDate().toString());
        assertThat(byType.get("contract.terminated").at("/data/from").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void theApiDocsDescribeTheEndpointsAndTheSignature() throws Exception {
        JsonNode docs = admin("GET", "/v3/api-docs", null).body();
        assertThat(docs.get("paths").has("/api/admin/webhooks")).isTrue();
        assertThat(docs.at("/paths/~1api~1admin~1webhooks~1deliveries~1{id}~1replay/post")).isNotNull();
        assertThat(docs.at("/paths/~1api~1admin~1webhooks~1deliveries~1{id}~1replay/post").isMissingNode()).isFalse();
        String tags = docs.get("tags").toString();
        assertThat(tags).contains("Webhooks", "X-Pactum-Signature", "HMAC-SHA256(secret, timestamp + \\\".\\\" + body)");
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    @Autowired SigningDriver signing;
    @Autowired WebhookOutbox outbox;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired dev.pactum.document.DocumentCipher cipher;
    @Autowired WebhookProperties settings;
    @Autowired java.time.Clock clock;

    private Subscribed subscribe(String path, String... events) throws Exception {
        ApiClient.Response created = admin("POST", "/api/admin/webhooks", """
                {"url": "http://127.0.0.1:%d%s", "description": "测试接收方", "events": %s}"""
                .formatted(receiver.port(), path, json.writeValueAsString(events)));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        assertThat(created.body().get("secret").asText()).startsWith("whsec_");
        return new Subscribed(created.body().at("/subscription/id").asLong(), created.body().get("secret").asText());
    }

    private ApiClient.Response admin(String method, String path, String body) throws Exception {
        return api.send("admin", method, path, body, "en");
    }

    private HttpResponse<String> bearer(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return api.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends what is due until nothing is, like the scheduled poll; how many attempts were made. */
    private int sendAll() {
        int sent = 0;
        for (int batch = dispatcher.dispatchDue(); batch > 0; batch = dispatcher.dispatchDue()) {
            sent += batch;
        }
        return sent;
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private JsonNode body(LoggedRequest request) {
        try {
            return json.readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receiver's side, written without Pactum's code: HMAC-SHA256 of timestamp + "." + body, hex. */
    private static String hmacHex(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
