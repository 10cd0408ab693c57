package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumTest;
import dev.pactum.TestIdentityProvider;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.contract.Contract;
import dev.pactum.contract.TestContracts;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Company login against a real OpenID Connect provider ({@link TestIdentityProvider}: Spring Authorization Server on
 * its own port), driven over HTTP the way a browser goes: Pactum's login page, the redirect to the provider with
 * state, nonce and a PKCE challenge, the provider's own login form, back with the code, Pactum's session.
 */
@PactumTest
class CompanyLoginTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;
    @Autowired
    TestContracts testContracts;
    @Autowired
    ContractProcessDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private final TestIdentityProvider provider = TestIdentityProvider.get();
    private Browser browser;

    @BeforeEach
    void freshBrowser() {
        provider.allowPactumAt(port);
        provider.reset();
        browser = new Browser(port);
    }

    /** The other tests share the context: they find no company users in the groups they notify or count. */
    @AfterEach
    void removeCompanyUsers() {
        for (String person : List.of("alice", "mark", "mallory")) {
            if (identity.createUserQuery().userId(person).count() > 0) {
                identity.deleteUser(person);
            }
        }
    }

    @Test
    void aCompanyUserLandsInTheWorkspaceAsThemselvesWithTheirMappedGroups() throws Exception {
        assertThat(browser.get("/home", "Accept", "text/html").statusCode()).isEqualTo(302);

        HttpResponse<String> landed = signInWithCompanyAccount("alice");

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri()).isEqualTo(URI.create("http://localhost:" + port + "/home"));
        assertThat(landed.body()).contains("<span class=\"user\">alice</span>");
        User alice = identity.createUserQuery().userId("alice").singleResult();
        assertThat(alice.getFirstName()).isEqualTo("Alice");
        assertThat(alice.getEmail()).isEqualTo("alice@company.example");
        assertThat(alice.getPassword()).as("no password: alice signs in at the provider only").isNull();
        // "Sales Team" → sales; "Everyone" maps to a group Pactum does not have, which gives nothing.
        assertThat(groupsOf("alice")).containsExactly("sales");
        assertThat(lastAuditRow("LOGIN", "alice")).containsEntry("actor", "alice").containsEntry("outcome", "SUCCESS")
                .containsEntry("detail", "SSO company");
    }

    @Test
    void aCompanySalesUserSeesOwnContractsOnly() throws Exception {
        signInWithCompanyAccount("alice");
        Contract own = testContracts.draft("alice", "20000");
        Contract others = testContracts.draft("sales1", "20000");

        JsonNode list = json.readTree(browser.get("/api/contracts?size=200", "Accept", "application/json").body());

        assertThat(list.path("content").findValuesAsText("owner")).isNotEmpty().containsOnly("alice");
        assertThat(list.path("content").findValuesAsText("number")).contains(own.getNumber());
        assertThat(browser.get("/api/contracts/" + others.getId(), "Accept", "application/json").statusCode())
                .isEqualTo(404);
        assertThat(browser.get("/api/contracts/" + own.getId(), "Accept", "application/json").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aCompanyApproverOpensTasklistWithoutAnotherLoginAndSeesTheirGroupsTask() throws Exception {
        ProcessInstance waiting = driver.submit("sales1", "100000");
        signInWithCompanyAccount("mark");

        HttpResponse<String> tasklist = browser.follow(browser.get("/camunda/app/tasklist/default/",
                "Accept", "text/html"));
        JsonNode webappUser = json.readTree(browser.get("/camunda/api/admin/auth/user/default",
                "Accept", "application/json").body());
        JsonNode groupTasks = json.readTree(browser.get("/camunda/api/engine/engine/default/task?processInstanceId="
                + waiting.getId() + "&candidateGroup=sales-managers", "Accept", "application/json").body());
        JsonNode myTasks = json.readTree(browser.get("/camunda/api/engine/engine/default/task?processInstanceId="
                + waiting.getId() + "&candidateUser=mark", "Accept", "application/json").body());

        assertThat(tasklist.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");
        assertThat(tasklist.body()).contains("camunda-tasklist-bootstrap");
        assertThat(webappUser.path("userId").asText()).isEqualTo("mark");
        assertThat(webappUser.path("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit");
        assertThat(groupTasks).hasSize(1);
        assertThat(groupTasks.get(0).path("taskDefinitionKey").asText()).isEqualTo("approveContract");
        assertThat(myTasks).as("the engine finds mark's groups in Camunda's identity").hasSize(1);
        assertThat(groupsOf("mark")).containsExactly("sales-managers");
    }

    @Test
    void providerGroupsThatAreNotMappedGiveNoRights() throws Exception {
        signInWithCompanyAccount("mallory");

        assertThat(groupsOf("mallory")).as("camunda-admin and sales-managers at the provider are not mapped").isEmpty();
        assertThat(browser.get("/api/audit", "Accept", "application/json").statusCode()).isEqualTo(403);
        assertThat(browser.get("/api/admin/login-locks", "Accept", "application/json").statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/app/cockpit/default/", "Accept", "text/html").statusCode()).isEqualTo(403);
        JsonNode list = json.readTree(browser.get("/api/contracts", "Accept", "application/json").body());
        assertThat(list.path("content")).isEmpty();
    }

    @Test
    void anIdTokenWithAForgedSignatureIsRefused() throws Exception {
        provider.signWithUnpublishedKey(true);

        assertRefused(signInWithCompanyAccount("alice"), "invalid_id_token");
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() throws Exception {
        provider.changeNextIdToken(claims -> claims.audience(List.of("another-app")));

        assertRefused(signInWithCompanyAccount("alice"), "invalid_id_token");
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() throws Exception {
        provider.changeNextIdToken(claims -> claims.issuer("https://impostor.example"));

        assertRefused(signInWithCompanyAccount("alice"), "invalid_id_token");
    }

    @Test
    void aCallbackWhoseStateWasNotIssuedHereIsRefused() throws Exception {
        HttpResponse<String> toProvider = browser.get("/oauth2/authorization/company", "Accept", "text/html");
        assertThat(toProvider.statusCode()).isEqualTo(302);

        HttpResponse<String> forged = browser.follow(browser.get(
                "/login/oauth2/code/company?code=stolen-code&state=forged-state", "Accept", "text/html"));

        assertRefused(forged, "authorization_request_not_found");
    }

    @Test
    void aCompanyAccountCannotTakeOverALocalAccountOfTheSameName() throws Exception {
        HttpResponse<String> refused = signInWithCompanyAccount("sales1");

        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.body()).contains("已被其他账号使用");
        assertThat(groupsOf("sales1")).as("the local account keeps its groups").containsExactly("sales");
        assertThat(browser.get("/api/contracts", "Accept", "application/json").statusCode()).isEqualTo(401);
        assertThat(lastAuditRow("LOGIN_FAILED", "sales1")).containsEntry("outcome", "FAILURE")
                .containsEntry("detail", "SSO account_conflict");
    }

    @Test
    void localAccountsStillSignInWithTheirPassword() {
        browser.logIn("manager1", "manager1");

        assertThat(browser.get("/api/contracts", "Accept", "application/json").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/contracts", "Authorization", Browser.basic("sales1", "sales1")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void logoutEndsThePactumSessionAndTheProviders() {
        signInWithCompanyAccount("alice");
        HttpResponse<String> home = browser.get("/home", "Accept", "text/html");

        HttpResponse<String> loggedOut = browser.follow(browser.postForm("/logout",
                "_csrf=" + Browser.encode(Browser.csrfToken(home.body())), "Accept", "text/html"));

        assertThat(loggedOut.uri()).isEqualTo(URI.create("http://localhost:" + port + "/login?logout"));
        assertThat(browser.get("/home", "Accept", "text/html").statusCode()).isEqualTo(302);
        assertThat(browser.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
        HttpResponse<String> again = browser.follow(browser.get("/oauth2/authorization/company", "Accept", "text/html"));
        assertThat(again.uri().toString()).as("the provider asks for the password again")
                .isEqualTo(provider.issuer() + "/login");
    }

    @Test
    void theLoginPageOffersCompanyLoginInBothLanguages() {
        assertThat(browser.get("/login", "Accept", "text/html").body())
                .contains("使用企业账号登录", "href=\"/oauth2/authorization/company\"", "name=\"password\"");
        assertThat(browser.get("/login", "Accept", "text/html", "Accept-Language", "en").body())
                .contains("Sign in with company account");
    }

    /** Pactum's login page → the provider (state, nonce, PKCE) → its login form → back to Pactum. */
    private HttpResponse<String> signInWithCompanyAccount(String person) {
        HttpResponse<String> toProvider = browser.get("/oauth2/authorization/company", "Accept", "text/html");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(provider.issuer() + "/oauth2/authorize?")
                .contains("response_type=code", "client_id=pactum", "state=", "nonce=", "code_challenge=",
                        "code_challenge_method=S256", "scope=openid");
        HttpResponse<String> providerLogin = browser.follow(toProvider);
        if (!providerLogin.uri().toString().equals(provider.issuer() + "/login")) {
            return providerLogin; // still signed in at the provider: it sent the code straight back
        }
        HttpResponse<String> submitted = browser.postForm(providerLogin.uri(), "username=" + person
                + "&password=" + person + "-pw&_csrf=" + Browser.encode(Browser.csrfToken(providerLogin.body())));
        return browser.follow(submitted);
    }

    private void assertRefused(HttpResponse<String> response, String errorCode) {
        assertThat(response.uri().getPath()).isEqualTo("/login");
        assertThat(response.uri().getQuery()).isEqualTo("error=sso");
        assertThat(response.body()).contains("企业账号登录失败");
        assertThat(browser.get("/home", "Accept", "text/html").statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/contracts", "Accept", "application/json").statusCode()).isEqualTo(401);
        Map<String, Object> row = jdbc.queryForMap("select actor, outcome, detail from audit_event "
                + "where action = 'LOGIN_FAILED' order by seq desc limit 1");
        assertThat(row).containsEntry("actor", "anonymous").containsEntry("outcome", "FAILURE")
                .containsEntry("detail", "SSO " + errorCode);
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    private Map<String, Object> lastAuditRow(String action, String objectId) {
        return jdbc.queryForMap("select actor, outcome, detail from audit_event where action = ? and object_id = ? "
                + "order by seq desc limit 1", action, objectId);
    }
}
