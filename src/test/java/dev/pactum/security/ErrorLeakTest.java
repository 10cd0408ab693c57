package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** Error answers say what went wrong for the caller, never which class failed or where in the code. */
@PactumTest
class ErrorLeakTest {

    /** A Java class name, qualified or ending in Exception/Error, or a stack frame. */
    private static final Pattern INTERNALS = Pattern.compile("\\b(java|javax|jakarta|org|com|dev)\\.[a-z]+\\."
            + "|\\b[A-Z]\\w*(Exception|Error)\\b|\\bat [a-z]+\\.[a-z]+\\.|\\.java:\\d+");

    private static final String SALES = Browser.basic("sales1", "sales1");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    MessageSource messages;

    Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(port);
    }

    @Test
    void badRequestsToTheApiAreAnsweredWithoutInternals() {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String path : List.of("/api/contracts/abc", "/api/contracts/99999999999999999999",
                "/api/contracts?status=NOPE", "/api/contracts?sort=owner.password", "/api/customers?sort=%28select",
                "/api/contracts?customerId=1e400", "/api/nothing-here", "/api/contracts?q=" + "x".repeat(300))) {
            answers.add(browser.get(path, "Authorization", SALES, "Accept", "application/json"));
        }
        answers.add(browser.get("/api/contracts/1/document", "Authorization", SALES, "Accept", "application/xml"));
        for (String body : List.of("{", "[]", "null", "{\"amount\":\"x\"}", "{\"fields\":\"x\",\"terms\":5}",
                "{\"startDate\":\"2026-13-45\"}", "{\"amount\":1e99999}")) {
            answers.add(browser.send("/api/contracts", body, "Authorization", SALES));
        }
        answers.add(browser.postForm("/api/contracts", "a=b", "Authorization", SALES));

        for (HttpResponse<String> answer : answers) {
            String request = answer.request().method() + " " + answer.uri();
            assertThat(answer.statusCode()).as(request).isBetween(400, 599);
            assertThat(answer.headers().firstValue("Content-Type")).as(request).get().asString()
                    .startsWith("application/problem+json");
            assertThat(answer.body()).as(request).doesNotContainPattern(INTERNALS);
        }
    }

    @Test
    void aStartNamingAContractIdThatIsTextIsRefusedWithoutInternals() throws Exception {
        // A contract id that is text: the first delegate refuses it inside the REST request that starts the process.
        HttpResponse<String> start = browser.send("/engine-rest/process-definition/key/contractLifecycle/start",
                "{\"variables\":{\"contractId\":{\"value\":\"not-a-number\",\"type\":\"String\"}}}",
                "Authorization", SALES, "Accept-Language", "en");

        assertThat(start.statusCode()).isEqualTo(403);
        assertThat(start.body()).doesNotContainPattern(INTERNALS).doesNotContain("not-a-number");
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("contractId", "not-a-number")
                .count()).as("nothing started").isZero();
    }

    @Test
    void anUnexpectedEngineRestErrorShowsNoClassOrMessageFromTheCode() {
        EngineRestErrors errors = new EngineRestErrors(messages, new FixedLocaleResolver(Locale.ENGLISH));
        ReflectionTestUtils.setField(errors, "request", new MockHttpServletRequest("POST", "/engine-rest/x"));

        Response answer = errors.toResponse(new IllegalStateException("secret detail of java.lang.Thing"));

        assertThat(answer.getStatus()).isEqualTo(500);
        ExceptionDto body = (ExceptionDto) answer.getEntity();
        assertThat(body.getType()).isEqualTo("InternalServerError");
        assertThat(body.getMessage()).startsWith("An unexpected error occurred and was logged.")
                .matches(".*\\([0-9a-f]{8}\\)$").doesNotContainPattern(INTERNALS).doesNotContain("secret");
    }

    @Test
    void camundasOwnErrorsKeepTheirTypes() throws Exception {
        HttpResponse<String> unknownTask = browser.send("/engine-rest/task/no-such-task/complete", "{}",
                "Authorization", SALES);
        HttpResponse<String> badSort = browser.get("/engine-rest/task?sortBy=nope&sortOrder=asc",
                "Authorization", SALES);
        HttpResponse<String> noSuchResource = browser.get("/engine-rest/no-such-resource", "Authorization", SALES);

        // Camunda answers an unknown id with 500; Pactum makes it the 404 it is (EngineRefusals), keeping Camunda's
        // type and message, which are its documented API.
        assertThat(unknownTask.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknownTask.body()).path("type").asText()).isEqualTo("RestException");
        assertThat(json.readTree(unknownTask.body()).path("message").asText()).contains("no-such-task");
        assertThat(badSort.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badSort.body()).path("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(noSuchResource.statusCode()).isEqualTo(404);
    }
}
