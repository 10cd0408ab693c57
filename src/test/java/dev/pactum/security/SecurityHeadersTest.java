package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Response headers. HTTPS is seen the way a TLS-terminating proxy on the same host reports it, with
 * {@code X-Forwarded-Proto}; {@link TlsIT} checks Pactum's own TLS (server.ssl) on the packaged jar.
 */
@PactumTest
class SecurityHeadersTest {

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
    void pactumsOwnPagesAndApiCarryAContentSecurityPolicy() {
        List<HttpResponse<String>> responses = List.of(
                browser.get("/", "Accept", "text/html"),
                browser.get("/login", "Accept", "text/html"),
                browser.get("/api/contracts", "Authorization", Browser.basic("sales1", "sales1")),
                browser.get("/api/contracts"));

        for (HttpResponse<String> response : responses) {
            String path = response.uri().getPath();
            assertThat(response.headers().allValues("Content-Security-Policy")).as(path).singleElement().asString()
                    .contains("default-src 'self'", "script-src 'self';", "object-src 'none'",
                            "frame-ancestors 'self'", "form-action 'self'")
                    .doesNotContain("unsafe-eval");
            assertThat(response.headers().allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
            assertThat(response.headers().allValues("X-Frame-Options")).as(path).containsExactly("SAMEORIGIN");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: " + path).isEmpty();
        }
    }

    @Test
    void theCamundaWebappsKeepTheirOwnContentSecurityPolicy() {
        browser.logIn("manager1", "manager1");

        HttpResponse<String> tasklist = browser.open("/camunda/app/tasklist/default/");

        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .as("Camunda's policy, with its per-response script nonce").contains("nonce-");
        assertThat(tasklist.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        HttpResponse<String> loginPage = browser.get("/login", "Accept", "text/html");

        String cookie = loginPage.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void overHttpsBrowsersAreToldToStayOnHttpsAndTheCookieIsSecure() {
        HttpResponse<String> loginPage = browser.get("/login", "Accept", "text/html", "X-Forwarded-Proto", "https");

        assertThat(loginPage.headers().firstValue("Strict-Transport-Security"))
                .contains("max-age=31536000 ; includeSubDomains");
        assertThat(loginPage.headers().allValues("Set-Cookie")).filteredOn(value -> value.startsWith("JSESSIONID="))
                .singleElement().asString().contains("Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void theApiDocsNeedALogin() throws Exception {
        HttpResponse<String> anonymousDocs = browser.get("/v3/api-docs", "Accept", "application/json");
        HttpResponse<String> anonymousUi = browser.get("/swagger-ui/index.html", "Accept", "text/html");
        HttpResponse<String> docs = browser.get("/v3/api-docs", "Authorization", Browser.basic("sales1", "sales1"));

        assertThat(anonymousDocs.statusCode()).isEqualTo(401);
        assertThat(json.readTree(anonymousDocs.body()).path("type").asText())
                .isEqualTo("https://pactum.dev/problems/unauthorized");
        assertThat(anonymousUi.statusCode()).isEqualTo(302);
        assertThat(anonymousUi.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"");

        browser.logIn("sales1", "sales1");
        assertThat(browser.open("/swagger-ui.html").statusCode()).isEqualTo(200);
    }
}
