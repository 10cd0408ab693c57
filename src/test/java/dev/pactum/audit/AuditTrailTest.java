package dev.pactum.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.contract.TestContracts;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit trail end to end: real HTTP against the running app, as the demo users, on the real database. */
@PactumTest
class AuditTrailTest {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired ApiClient api;
    @Autowired ObjectMapper json;
    @Autowired AuditTrail trail;
    @Autowired DataSource dataSource;
    @Autowired TaskService taskService;

    @Test
    void loginsAndFailedLoginsAreRecordedWithTheSourceAddressNotAForgedOne() throws Exception {
        String stranger = "mallory-" + UUID.randomUUID();
        String basicStranger = "eve-" + UUID.randomUUID();

        HttpClient browser = browser();
        int loggedIn = formLogin(browser, "manager2", "manager2");
        int loggedOut = logout(browser);
        int failed = formLogin(browser(), stranger, "guess");
        int basicFailed = api.send(api.request(null, "GET", "/api/contracts", null, null)
                .header("Authorization", basic(basicStranger, "guess"))
                .header("X-Forwarded-For", "203.0.113.9"), HttpResponse.BodyHandlers.ofString()).statusCode();

        assertThat(loggedIn).isEqualTo(302);
        assertThat(loggedOut).isEqualTo(302);
        assertThat(failed).isEqualTo(302);
        assertThat(basicFailed).isEqualTo(401);
        JsonNode login = rows("action=LOGIN&user=manager2").get(0);
        assertThat(login.path("objectId").asText()).isEqualTo("manager2");
        assertThat(login.path("outcome").asText()).isEqualTo("SUCCESS");
        // Tomcat's remote-IP handling is the one place that decides whom to believe: a proxy on loopback is trusted
        // (server.tomcat.remoteip.internal-proxies), so its X-Forwarded-For names the client; from anywhere else the
        // header is ignored.
        assertThat(login.path("sourceIp").asText()).isEqualTo("203.0.113.9");
        JsonNode logout = rows("action=LOGOUT&user=manager2").get(0);
        assertThat(logout.path("seq").asLong()).isGreaterThan(login.path("seq").asLong());
        JsonNode formFailure = rows("action=LOGIN_FAILED&objectId=" + stranger).get(0);
        assertThat(formFailure.path("user").asText()).as("nobody was authenticated").isEqualTo("anonymous");
        assertThat(formFailure.path("outcome").asText()).isEqualTo("FAILURE");
        assertThat(formFailure.path("sourceIp").asText()).isEqualTo("203.0.113.9");
        assertThat(formFailure.path("path").asText()).isEqualTo("/login");
        JsonNode basicFailure = rows("action=LOGIN_FAILED&objectId=" + basicStranger).get(0);
        assertThat(basicFailure.path("httpStatus").asInt()).isEqualTo(401);
        assertThat(basicFailure.path("sourceIp").asText()).isEqualTo("203.0.113.9");
    }

    @Test
    void contractActionsAndATaskCompletedThroughEngineRestNameTheAuthenticatedUser() throws Exception {
        long customerId = api.send("finance1", "POST", "/api/customers", """
                {"name":"审计测试客户有限公司","creditCode":"%s","contactName":"钱七","contactEmail":"qian@example.com",
                 "creditLimit":800000}""".formatted(TestContracts.newCreditCode()), null).body().get("id").asLong();
        // "owner" in the body is not a field of the request: the recorded user is who authenticated.
        ApiClient.Response drafted = api.send("sales1", "POST", "/api/contracts", """
                {"templateKey":"sales-standard","customerId":%d,"title":"审计测试合同","type":"SALES","amount":120000,
                 "currency":"CNY","startDate":"2027-01-01","endDate":"2027-12-31","paymentTermDays":30,
                 "terms":{"liabilityCap":120000,"autoRenewal":false},"owner":"director1"}""".formatted(customerId),
                null);
        assertThat(drafted.status()).isEqualTo(201);
        String contractId = drafted.body().get("id").asText();
        String number = drafted.body().get("number").asText();
        assertThat(api.send("sales1", "GET", "/api/contracts/" + contractId, null, null).status()).isEqualTo(200);
        assertThat(api.send("sales1", "POST", "/api/contracts/" + contractId + "/submit", null, null).status())
                .isEqualTo(200);
        JsonNode tasks = api.send("manager1", "GET", "/engine-rest/task?processInstanceBusinessKey=" + number, null,
                null).body();
        String taskId = tasks.get(0).get("id").asText();
        assertThat(api.send("manager1", "POST", "/engine-rest/task/" + taskId + "/claim",
                "{\"userId\":\"manager1\"}", null).status()).isEqualTo(204);
        assertThat(api.send("manager1", "POST", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}", null).status()).isEqualTo(204);

        List<JsonNode> contractRows = rows("objectType=contract&objectId=" + contractId);
        JsonNode create = only(contractRows, "CONTRACT_CREATE");
        JsonNode view = only(contractRows, "CONTRACT_VIEW");
        JsonNode submit = only(contractRows, "CONTRACT_SUBMIT");
        assertThat(List.of(create, view, submit)).allSatisfy(row -> {
            assertThat(row.path("user").asText()).isEqualTo("sales1");
            assertThat(row.path("outcome").asText()).isEqualTo("SUCCESS");
            assertThat(row.path("sourceIp").asText()).isIn(LOOPBACK);
        });
        assertThat(create.path("httpStatus").asInt()).isEqualTo(201);
        assertThat(create.at("/after/Contract#" + contractId + "/owner").asText()).isEqualTo("sales1");
        assertThat(submit.at("/before/Contract#" + contractId + "/status").asText()).isEqualTo("DRAFT");
        assertThat(submit.at("/after/Contract#" + contractId + "/status").asText()).isEqualTo("IN_APPROVAL");

        List<JsonNode> taskRows = rows("objectType=task&objectId=" + taskId);
        JsonNode claim = only(taskRows, "TASK_CLAIM");
        JsonNode complete = only(taskRows, "TASK_COMPLETE");
        assertThat(claim.path("user").asText()).isEqualTo("manager1");
        assertThat(claim.at("/before/Task#" + taskId + "/assignee").isNull()).isTrue();
        assertThat(claim.at("/after/Task#" + taskId + "/assignee").asText()).isEqualTo("manager1");
        assertThat(complete.path("user").asText()).isEqualTo("manager1");
        assertThat(complete.path("httpStatus").asInt()).isEqualTo(204);
        assertThat(complete.path("path").asText()).isEqualTo("/engine-rest/task/" + taskId + "/complete");

        // Linked, not copied: the row names Camunda's operation, which the auditor reads in Camunda's own log.
        String operationId = complete.path("engineOperationIds").get(0).asText();
        JsonNode camundaLog = api.send("auditor1", "GET", "/engine-rest/history/user-operation?operationId="
                + operationId, null, null).body();
        assertThat(camundaLog.findValuesAsText("operationType")).contains("Complete");
        assertThat(camundaLog.findValuesAsText("userId")).containsOnly("manager1");
        assertThat(camundaLog.findValuesAsText("taskId")).contains(taskId);
    }

    @Test
    void groupChangesThroughEngineRestAreRecordedWithCamundasOperationIds() throws Exception {
        String group = "audit-test-" + Long.toHexString(System.nanoTime());
        ApiClient.Response created = api.send("admin", "POST", "/engine-rest/group/create",
                "{\"id\":\"%s\",\"name\":\"审计测试组\",\"type\":\"WORKFLOW\"}".formatted(group), null);
        assertThat(created.status()).as("%s", created.body()).isEqualTo(204);
        assertThat(api.send("admin", "PUT", "/engine-rest/group/" + group + "/members/sales2", null, null).status())
                .isEqualTo(204);
        assertThat(api.send("admin", "DELETE", "/engine-rest/group/" + group, null, null).status()).isEqualTo(204);

        List<JsonNode> groupRows = rows("objectType=group&objectId=" + group);

        assertThat(groupRows).extracting(row -> row.path("action").asText())
                .containsExactly("GROUP_DELETE", "GROUP_MEMBER_ADD", "GROUP_CREATE");
        assertThat(groupRows).allSatisfy(row -> {
            assertThat(row.path("user").asText()).isEqualTo("admin");
            assertThat(row.path("engineOperationIds")).isNotEmpty();
        });
        assertThat(groupRows.get(2).at("/after/Group#" + group + "/groupId").asText()).isEqualTo(group);
    }

    @Test
    void anAssignmentTheEngineMakesOnItsOwnIsRecordedAsTheSystems() throws Exception {
        Task task = taskService.newTask();
        task.setName("审计测试任务");
        taskService.saveTask(task);
        try {
            taskService.setAssignee(task.getId(), "legal1");
            taskService.setAssignee(task.getId(), "legal2");

            List<JsonNode> assignments = rows("action=TASK_ASSIGN&objectId=" + task.getId());

            assertThat(assignments).hasSize(2);
            assertThat(assignments).allSatisfy(row -> assertThat(row.path("user").asText()).isEqualTo("system"));
            JsonNode reassignment = assignments.get(0);
            assertThat(reassignment.at("/before/Task#" + task.getId() + "/assignee").asText()).isEqualTo("legal1");
            assertThat(reassignment.at("/after/Task#" + task.getId() + "/assignee").asText()).isEqualTo("legal2");
        } finally {
            taskService.deleteTask(task.getId(), true);
        }
    }

    @Test
    void onlyAuditorsAndAdminsReadTheTrailAsJsonOrCsv() throws Exception {
        for (String path : List.of("/api/audit", "/api/audit.csv", "/api/audit/verify")) {
            ApiClient.Response denied = api.send("sales1", "GET", path, null, "en");
            assertThat(denied.status()).as(path).isEqualTo(403);
            assertThat(denied.contentType()).startsWith("application/problem+json");
            assertThat(denied.body().path("type").asText()).isEqualTo("https://pactum.dev/problems/forbidden");
        }
        assertThat(rows("user=sales1&action=AUDIT_SEARCH&outcome=DENIED")).as("the attempt itself is recorded")
                .isNotEmpty();

        ApiClient.Response page = api.send("auditor1", "GET", "/api/audit?size=5", null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("content")).hasSize(5);
        assertThat(page.body().at("/page/totalElements").asLong()).isGreaterThan(5);
        assertThat(api.send("admin", "GET", "/api/audit?size=1", null, null).status()).isEqualTo(200);

        HttpResponse<byte[]> negotiated = api.send(api.request("auditor1", "GET", "/api/audit?user=sales1", null, null)
                .header("Accept", "text/csv"), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> file = api.send(api.request("auditor1", "GET", "/api/audit.csv?user=sales1", null, null),
                HttpResponse.BodyHandlers.ofByteArray());
        for (HttpResponse<byte[]> csv : List.of(negotiated, file)) {
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv")
                    .containsIgnoringCase("charset=UTF-8");
            assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");
            byte[] body = csv.body();
            assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
            List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.get(0)).startsWith("seq,occurredAt,user,sourceIp,action,objectType,objectId,outcome");
            assertThat(lines).hasSizeGreaterThan(1);
            assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains(",sales1,"));
        }
        assertThat(rows("user=auditor1&action=AUDIT_EXPORT")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aRowChangedBehindTheTriggersBackIsNamedByVerify() throws Exception {
        AuditRecord target = trail.append(AuditEntry.system("sales1", "CONTRACT_VIEW", "contract", "1", null, null,
                "row to tamper with"));
        assertThat(api.send("auditor1", "GET", "/api/audit/verify", null, null).body().path("intact").asBoolean())
                .isTrue();

        asSuperuser("update audit_event set actor = 'sales2' where seq = " + target.seq());
        try {
            JsonNode verification = api.send("auditor1", "GET", "/api/audit/verify", null, "en").body();

            assertThat(verification.path("intact").asBoolean()).isFalse();
            assertThat(verification.at("/firstBreak/seq").asLong()).isEqualTo(target.seq());
            assertThat(verification.at("/firstBreak/reason").asText()).isEqualTo("CONTENT_ALTERED");
            assertThat(verification.path("message").asText())
                    .contains("seq " + target.seq()).contains("was changed");
        } finally {
            asSuperuser("update audit_event set actor = 'sales1' where seq = " + target.seq());
        }
        assertThat(api.send("auditor1", "GET", "/api/audit/verify", null, null).body().path("intact").asBoolean())
                .isTrue();
    }

    @Test
    void concurrentRequestsAppendToOneChain() throws Exception {
        String contractId = api.send("sales1", "GET", "/api/contracts?size=1", null, null).body()
                .at("/content/0/id").asText();
        long before = rows("user=sales2&action=CONTRACT_VIEW&objectId=" + contractId).size();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // sales2 does not own it: 404, and recorded all the same.
            statuses.add(threads.submit(() -> api.send("sales2", "GET", "/api/contracts/" + contractId, null, null)
                    .status()));
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isIn(200, 404);
        }
        threads.shutdown();

        JsonNode verification = api.send("auditor1", "GET", "/api/audit/verify", null, null).body();
        List<JsonNode> views = rows("user=sales2&action=CONTRACT_VIEW&objectId=" + contractId);

        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(views).hasSize((int) before + 60);
        assertThat(views.stream().map(row -> row.path("seq").asLong()).distinct()).hasSize((int) before + 60);
    }

    /** Rows matching a query string, newest first, read as auditor1 through the API. */
    private List<JsonNode> rows(String query) throws IOException, InterruptedException {
        ApiClient.Response response = api.send("auditor1", "GET", "/api/audit?size=500&" + query, null, null);
        assertThat(response.status()).as(query).isEqualTo(200);
        return StreamSupport.stream(response.body().path("content").spliterator(), false).toList();
    }

    private static JsonNode only(List<JsonNode> rows, String action) {
        List<JsonNode> matching = rows.stream().filter(row -> row.path("action").asText().equals(action)).toList();
        assertThat(matching).as(action).hasSize(1);
        return matching.get(0);
    }

    /** A client that keeps cookies and does not follow redirects, as a browser's session. */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in with the form as a person does behind a proxy on loopback; returns the login's status. */
    private int formLogin(HttpClient browser, String user, String password) throws IOException, InterruptedException {
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + csrf(browser);
        return postForm(browser, "/login", form);
    }

    private int logout(HttpClient browser) throws IOException, InterruptedException {
        return postForm(browser, "/logout", "_csrf=" + csrf(browser));
    }

    /** The session's CSRF token, as the login page (logged in or not) carries it. */
    private String csrf(HttpClient browser) throws IOException, InterruptedException {
        String page = browser.send(HttpRequest.newBuilder(api.uri("/login")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF_FIELD.matcher(page);
        assertThat(csrf.find()).isTrue();
        return encode(csrf.group(1));
    }

    private int postForm(HttpClient browser, String path, String form) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** What the database's superuser could do: switch the triggers off for one transaction and change a row. */
    private void asSuperuser(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local session_replication_role = replica");
                statement.execute(sql);
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
