package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumTest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** How passwords are stored and which new ones are accepted, through the engine REST API and HTTP Basic. */
@PactumTest
class PasswordStorageTest {

    private static final String PASSWORD = "copper-meadow-5143";
    private static final String ADMIN = Browser.basic("admin", "admin");

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    Browser browser;
    String user;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(port);
        user = "hashing" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    @AfterEach
    void deleteUser() {
        identityService.deleteUser(user);
    }

    @Test
    void aNewPasswordIsStoredWithBcrypt() {
        HttpResponse<String> created = createUser(user, PASSWORD);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        assertThat(storedHash()).startsWith("{BCRYPT}$2a$12$");
        assertThat(login(PASSWORD).statusCode()).isEqualTo(200);
        assertThat(login("copper-meadow-5144").statusCode()).isEqualTo(401);
    }

    @Test
    void anOldSha512HashStillLogsInAndIsRewrittenWithBcrypt() {
        createUser(user, PASSWORD);
        String salt = jdbc.queryForObject("select salt_ from act_id_user where id_ = ?", String.class, user);
        // What Camunda's default (SHA-512 of password + salt) stored before Pactum set bcrypt.
        jdbc.update("update act_id_user set pwd_ = ? where id_ = ?",
                "{SHA-512}" + new Sha512HashDigest().encrypt(PASSWORD + salt), user);

        assertThat(login("copper-meadow-5144").statusCode()).isEqualTo(401);
        assertThat(storedHash()).as("a wrong password rewrites nothing").startsWith("{SHA-512}");
        assertThat(login(PASSWORD).statusCode()).isEqualTo(200);
        assertThat(storedHash()).startsWith("{BCRYPT}$2a$12$");
        assertThat(login(PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aCheaperBcryptHashIsRewrittenAtTheConfiguredCost() {
        createUser(user, PASSWORD);
        String salt = jdbc.queryForObject("select salt_ from act_id_user where id_ = ?", String.class, user);
        jdbc.update("update act_id_user set pwd_ = ? where id_ = ?",
                "{BCRYPT}" + new BcryptPasswordEncryptor(4).encrypt(PASSWORD + salt), user);

        assertThat(login(PASSWORD).statusCode()).isEqualTo(200);
        assertThat(storedHash()).startsWith("{BCRYPT}$2a$12$");
    }

    @Test
    void aNewPasswordNeedsTenCharactersAndNoneOfTheUsersOwnData() throws Exception {
        HttpResponse<String> tooShort = createUser(user, "ab3$Xy9!q");
        HttpResponse<String> containsTheUserName = createUser(user, user + "-2026-ok");
        HttpResponse<String> policy = browser.get("/engine-rest/identity/password-policy", "Authorization", ADMIN);

        assertThat(tooShort.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(containsTheUserName.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(identityService.createUserQuery().userId(user).count()).isZero();
        JsonNode rules = json.readTree(policy.body()).path("rules");
        assertThat(rules.findValuesAsText("placeholder"))
                .containsExactlyInAnyOrder("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_USER_DATA");
        assertThat(rules.findValue("minLength").asText()).isEqualTo("10");
        assertThat(createUser(user, "ab3$Xy9!qZ").statusCode()).isEqualTo(204);
    }

    @Test
    void demoUsersKeepTheirDemoPasswords() {
        assertThat(browser.get("/api/notifications", "Authorization", Browser.basic("legal2", "legal2")).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> createUser(String id, String password) {
        return browser.send("/engine-rest/user/create",
                "{\"profile\":{\"id\":\"" + id + "\",\"email\":\"" + id + "@pactum.example\"},"
                        + "\"credentials\":{\"password\":\"" + password + "\"}}",
                "Authorization", ADMIN);
    }

    private HttpResponse<String> login(String password) {
        return browser.get("/api/notifications", "Authorization", Browser.basic(user, password));
    }

    private String storedHash() {
        User stored = identityService.createUserQuery().userId(user).singleResult();
        return stored.getPassword();
    }
}
