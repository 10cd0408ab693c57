package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PactumTest
class SecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(port);
    }

    @Test
    void apiWithoutCredentialsIsAProblem401() throws Exception {
        for (String path : new String[] {"/api/anything", "/engine-rest/task"}) {
            HttpResponse<String> response = browser.get(path, "Accept", "application/json");

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("type").asText()).isEqualTo("https://pactum.dev/problems/unauthorized");
            assertThat(problem.path("status").asInt()).isEqualTo(401);
            assertThat(problem.path("instance").asText()).isEqualTo(path);
        }
    }

    @Test
    void wrongPasswordIsA401() throws Exception {
        HttpResponse<String> response = browser.get("/engine-rest/process-definition",
                "Authorization", Browser.basic("sales2", "not-the-password"), "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).path("type").asText())
                .isEqualTo("https://pactum.dev/problems/unauthorized");
    }

    @Test
    void basicCredentialsOpenTheEngineRestApi() {
        HttpResponse<String> response = browser.get("/engine-rest/process-definition",
                "Authorization", Browser.basic("sales1", "sales1"), "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }

    @Test
    void problemTextFollowsAcceptLanguage() throws Exception {
        JsonNode english = json.readTree(browser.get("/api/anything", "Accept-Language", "en-US,en;q=0.9").body());
        JsonNode chinese = json.readTree(browser.get("/api/anything", "Accept-Language", "zh-CN,zh;q=0.9").body());
        JsonNode noPreference = json.readTree(browser.get("/api/anything").body());

        assertThat(english.path("title").asText()).isEqualTo("Not logged in");
        assertThat(chinese.path("title").asText()).isEqualTo("未登录");
        assertThat(noPreference.path("title").asText()).as("company default zh_CN").isEqualTo("未登录");
        assertThat(english.path("detail").asText()).contains("HTTP Basic");
    }

    @Test
    void browsersAreSentToTheLoginPage() {
        HttpResponse<String> tasklist = browser.get("/camunda/app/tasklist/default/", "Accept", "text/html");

        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void loginReturnsToTheRequestedPage() {
        browser.get("/camunda/app/tasklist/default/", "Accept", "text/html");

        String target = browser.logIn("manager1", "manager1");

        assertThat(target).endsWith("/camunda/app/tasklist/default/");
    }

    @Test
    void oneLoginOpensTasklistAndItsApi() throws Exception {
        HttpResponse<String> anonymousApi = browser.get("/camunda/api/engine/engine/default/task",
                "Accept", "application/json");
        assertThat(anonymousApi.statusCode()).isEqualTo(401);
        assertThat(anonymousApi.headers().firstValue("WWW-Authenticate")).isEmpty();

        browser.logIn("manager1", "manager1");
        HttpResponse<String> tasklist = browser.open("/camunda/app/tasklist/");
        HttpResponse<String> tasks = browser.get("/camunda/api/engine/engine/default/task",
                "Accept", "application/json");
        HttpResponse<String> user = browser.get("/camunda/api/admin/auth/user/default",
                "Accept", "application/json");

        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");
        assertThat(tasklist.body()).contains("camunda-tasklist-bootstrap");
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(tasks.body()).startsWith("[");
        assertThat(user.statusCode()).isEqualTo(200);
        JsonNode authentication = json.readTree(user.body());
        assertThat(authentication.path("userId").asText()).isEqualTo("manager1");
        assertThat(authentication.path("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit");
    }

    @Test
    void logoutEndsTheWebappSessionToo() {
        String csrf = loggedInCsrfToken("manager1");
        assertThat(browser.open("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.postForm("/logout", "_csrf=" + csrf, "Accept", "text/html");

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(browser.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
        assertThat(browser.get("/camunda/app/tasklist/default/", "Accept", "text/html").statusCode()).isEqualTo(302);
    }

    @Test
    void sessionRequestsToTheApiNeedTheCsrfToken() throws Exception {
        loggedInCsrfToken("sales1");

        HttpResponse<String> post = browser.postForm("/api/anything", "x=1", "Accept", "application/json");

        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(json.readTree(post.body()).path("type").asText())
                .isEqualTo("https://pactum.dev/problems/forbidden");
    }

    @Test
    void theEngineChecksTheRestUsersOwnPermissions() throws Exception {
        JsonNode usersForSales = json.readTree(browser.get("/engine-rest/user",
                "Authorization", Browser.basic("sales1", "sales1")).body());
        JsonNode usersForAdmin = json.readTree(browser.get("/engine-rest/user",
                "Authorization", Browser.basic("admin", "admin")).body());
        JsonNode authorizationsForSales = json.readTree(browser.get("/engine-rest/authorization",
                "Authorization", Browser.basic("sales1", "sales1")).body());
        HttpResponse<String> createUser = browser.send("/engine-rest/user/create", """
                {"profile": {"id": "intruder1", "firstName": "In", "lastName": "Truder", "email": "in@example.com"},
                 "credentials": {"password": "Kx9-blue-Harbor-71"}}""",
                "Authorization", Browser.basic("sales1", "sales1"), "Accept", "application/json");

        // A new Camunda user may read itself; nobody else is visible to sales1.
        assertThat(usersForSales.findValuesAsText("id")).containsExactly("sales1");
        assertThat(usersForAdmin.findValuesAsText("id")).contains("admin", "sales1", "manager1", "director1");
        assertThat(authorizationsForSales.findValuesAsText("resourceId")).doesNotContain("*");
        // A well-formed request, so only the missing CREATE permission on users can refuse it.
        assertThat(createUser.statusCode()).isEqualTo(403);
        assertThat(json.readTree(createUser.body()).path("type").asText()).isEqualTo("AuthorizationException");
        assertThat(json.readTree(browser.get("/engine-rest/user?id=intruder1",
                "Authorization", Browser.basic("admin", "admin")).body())).isEmpty();
    }

    private String loggedInCsrfToken(String user) {
        browser.logIn(user, user);
        // Any page the user opens afterwards carries the session's token; the login page does too.
        return Browser.csrfToken(browser.get("/login", "Accept", "text/html").body());
    }
}
