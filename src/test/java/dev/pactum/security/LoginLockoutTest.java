package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed logins over real HTTP: they slow the guesser down and never lock the real user out for good. Clients pose
 * as different addresses through X-Forwarded-For, which Pactum believes from loopback (the default trusted proxy).
 * Each test has its own user and addresses, so the throttle's memory in the shared context does not carry over.
 */
@PactumTest
class LoginLockoutTest {

    private static final String PASSWORD = "lantern-gravel-7291";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    ObjectMapper json;

    Browser browser;
    String user;

    @BeforeEach
    void newUser() {
        browser = new Browser(port);
        user = "lockout" + ThreadLocalRandom.current().nextInt(1_000_000);
        User created = identityService.newUser(user);
        created.setPassword(PASSWORD);
        identityService.saveUser(created);
    }

    @AfterEach
    void deleteUser() {
        identityService.deleteUser(user);
    }

    @Test
    void oneWrongPasswordDoesNotDelayTheRightOne() {
        String office = newAddress();

        assertThat(basic(office, "wrong").statusCode()).isEqualTo(401);
        assertThat(basic(office, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void twelveWrongPasswordsDoNotLockTheUserForGood() {
        // Camunda locked a user for good after ten failures, whoever made them.
        for (int i = 1; i <= 12; i++) {
            assertThat(basic(newAddress(), "guess-" + i).statusCode()).as("guess %d", i).isEqualTo(401);
        }

        assertThat(basic(newAddress(), PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aGuesserIsThrottledWhileTheUserLogsInFromElsewhere() throws Exception {
        String attacker = newAddress();

        List<Integer> statuses = guessUntilThrottled(attacker);
        HttpResponse<String> rightPasswordFromAttacker = basic(attacker, PASSWORD, "Accept-Language", "en");
        HttpResponse<String> rightPasswordFromElsewhere = basic(newAddress(), PASSWORD);

        assertThat(statuses.subList(0, 6)).as("five free failures, then the sixth locks").containsOnly(401);
        assertThat(statuses.get(statuses.size() - 1)).isEqualTo(429);
        assertThat(rightPasswordFromAttacker.statusCode()).as("a lock does not look at the password").isEqualTo(429);
        long retryAfter = Long.parseLong(rightPasswordFromAttacker.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15L * 60);
        assertThat(rightPasswordFromAttacker.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(rightPasswordFromAttacker.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode problem = json.readTree(rightPasswordFromAttacker.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://pactum.dev/problems/too-many-login-attempts");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("title").asText()).isEqualTo("Too many failed logins");
        assertThat(problem.path("detail").asText()).contains("try again in " + retryAfter + " seconds");
        assertThat(rightPasswordFromElsewhere.statusCode()).isEqualTo(200);
    }

    @Test
    void guessesFromManyAddressesLockTheAccountBrieflyButNotWhereItsUserLoggedInBefore() throws Exception {
        String office = newAddress();
        assertThat(basic(office, PASSWORD).statusCode()).isEqualTo(200);

        guessFromTwentyOneAddresses();
        HttpResponse<String> fromNewAddress = basic(newAddress(), PASSWORD, "Accept-Language", "zh-CN");
        HttpResponse<String> fromTheOffice = basic(office, PASSWORD);

        assertThat(fromNewAddress.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(fromNewAddress.headers().firstValue("Retry-After").orElseThrow()))
                .as("the account's first lock is ten seconds").isBetween(1L, 10L);
        assertThat(json.readTree(fromNewAddress.body()).path("title").asText()).isEqualTo("登录失败次数过多");
        assertThat(fromTheOffice.statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAnAdminLiftsTheLocks() throws Exception {
        guessFromTwentyOneAddresses();
        String newcomer = newAddress();
        assertThat(basic(newcomer, PASSWORD).statusCode()).isEqualTo(429);

        HttpResponse<String> bySales = browser.send("/api/admin/users/" + user + "/unlock", "",
                "Authorization", Browser.basic("sales1", "sales1"));
        HttpResponse<String> locks = browser.get("/api/admin/login-locks",
                "Authorization", Browser.basic("admin", "admin"));
        HttpResponse<String> byAdmin = browser.send("/api/admin/users/" + user + "/unlock", "",
                "Authorization", Browser.basic("admin", "admin"));
        HttpResponse<String> unknownUser = browser.send("/api/admin/users/nobody-" + user + "/unlock", "",
                "Authorization", Browser.basic("admin", "admin"));

        assertThat(bySales.statusCode()).isEqualTo(403);
        assertThat(locks.statusCode()).isEqualTo(200);
        assertThat(json.readTree(locks.body()).findValuesAsText("key")).contains(user);
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        assertThat(json.readTree(byAdmin.body()).path("hadFailures").asBoolean()).isTrue();
        assertThat(unknownUser.statusCode()).isEqualTo(404);
        assertThat(basic(newcomer, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void theLoginPageSaysHowLongToWait() {
        String from = newAddress();
        String english = null;
        for (int attempt = 1; attempt <= 12 && english == null; attempt++) {
            HttpResponse<String> page = browser.get("/login", "Accept", "text/html", "X-Forwarded-For", from);
            HttpResponse<String> login = browser.postForm("/login", "username=" + user + "&password=wrong-" + attempt
                    + "&_csrf=" + Browser.csrfToken(page.body()), "Accept", "text/html", "X-Forwarded-For", from);
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/login?error");
            String shown = browser.get("/login?error", "Accept", "text/html", "Accept-Language", "en").body();
            if (shown.contains("Too many failed logins")) {
                assertThat(attempt).as("five free failures, then the sixth locks").isGreaterThanOrEqualTo(7);
                english = shown;
            } else {
                assertThat(shown).contains("Wrong user name or password.");
            }
        }
        String chinese = browser.get("/login?error", "Accept", "text/html", "Accept-Language", "zh-CN").body();

        assertThat(english).as("the login page tells the user to wait").isNotNull()
                .containsPattern("try again in \\d+ seconds");
        assertThat(chinese).containsPattern("请 \\d+ 秒后再试");
    }

    @Test
    void camundasOwnPasswordChecksAreClosed() throws Exception {
        // Each answers whether any user's password is right, unthrottled: the engine REST API to anyone who may
        // read users (admins), the webapps' own login to anyone logged in.
        HttpResponse<String> verify = browser.send("/engine-rest/identity/verify",
                "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}",
                "Authorization", Browser.basic("admin", "admin"));
        browser.logIn("manager1", "manager1");
        HttpResponse<String> webappLogin = browser.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + user + "&password=" + PASSWORD, "Accept", "application/json");

        assertThat(verify.statusCode()).isEqualTo(403);
        assertThat(verify.body()).doesNotContain("authenticated");
        assertThat(webappLogin.statusCode()).isEqualTo(403);
        assertThat(json.readTree(webappLogin.body()).path("type").asText())
                .as("refused by Pactum's rule, before Camunda's own CSRF check")
                .isEqualTo("https://pactum.dev/problems/forbidden");
    }

    /** Wrong passwords from one address until it is refused; at most twelve. */
    private List<Integer> guessUntilThrottled(String from) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            int status = basic(from, "guess-" + i).statusCode();
            statuses.add(status);
            if (status == 429) {
                break;
            }
        }
        return statuses;
    }

    /** Twenty-one wrong passwords, each from an address of its own: one more than the account lets pass. */
    private void guessFromTwentyOneAddresses() {
        for (int i = 1; i <= 21; i++) {
            assertThat(basic(newAddress(), "guess-" + i).statusCode()).as("guess %d", i).isEqualTo(401);
        }
    }

    private HttpResponse<String> basic(String from, String password, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", Browser.basic(user, password),
                "X-Forwarded-For", from, "Accept", "application/json"));
        all.addAll(List.of(headers));
        return browser.get("/api/notifications", all.toArray(String[]::new));
    }

    /** An address no other test uses. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }
}
