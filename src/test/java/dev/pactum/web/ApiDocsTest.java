package dev.pactum.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI description as integrators and Swagger UI read it ({@link ApiDocs}): authentication schemes, paging
 * parameters Spring actually reads, problem+json refusals, and what Redocly's recommended rule set checks (the full
 * lint: README, "The REST API"). Saves the description to {@code target/openapi.json} for that lint.
 */
@PactumTest
class ApiDocsTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Autowired
    ApiClient api;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    JsonNode docs;

    @BeforeEach
    void readDocs() throws Exception {
        HttpResponse<String> response = api.send(api.request("admin", "GET", "/v3/api-docs", null, null),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), response.body());
        docs = json.readTree(response.body());
    }

    @Test
    void theAuthorizeButtonOffersBasicTheApiTokenAndTheSession() {
        JsonNode schemes = docs.path("components").path("securitySchemes");
        assertThat(schemes.path(ApiDocs.BASIC).path("type").asText()).isEqualTo("http");
        assertThat(schemes.path(ApiDocs.BASIC).path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path(ApiDocs.BEARER).path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path(ApiDocs.SESSION).path("in").asText()).isEqualTo("cookie");
        assertThat(schemes.path(ApiDocs.SESSION).path("name").asText()).isEqualTo("JSESSIONID");
        List<String> global = new ArrayList<>();
        docs.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(global::add));
        assertThat(global).containsExactlyInAnyOrder(ApiDocs.BASIC, ApiDocs.BEARER, ApiDocs.SESSION);
        // Calls that prove themselves otherwise ask for no login.
        assertThat(docs.at("/paths/~1api~1integrations~1{peer}~1events/post/security").isArray()).isTrue();
        assertThat(docs.at("/paths/~1api~1integrations~1{peer}~1events/post/security")).isEmpty();
        assertThat(docs.at("/paths/~1api~1customers/post/security").isMissingNode()).isTrue();
    }

    @Test
    void aPagedListTakesPageSizeAndSortAsQueryParameters() throws Exception {
        JsonNode parameters = docs.at("/paths/~1api~1customers/get/parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(parameter -> {
            assertThat(parameter.path("in").asText()).isEqualTo("query");
            assertThat(parameter.path("schema").path("type").asText()).isNotEqualTo("object");
            names.add(parameter.path("name").asText());
        });
        assertThat(names).containsExactly("page", "size", "sort");
        assertThat(parameters.get(1).at("/schema/default").asInt()).isEqualTo(20);
        assertThat(parameters.get(2).path("description").asText()).contains("name,asc");
        assertThat(docs.at("/components/schemas/Pageable").isMissingNode()).isTrue();

        // What the description says is what Spring reads.
        ApiClient.Response page = api.send("sales1", "GET", "/api/customers?page=0&size=2&sort=name,desc", null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().at("/page/size").asInt()).isEqualTo(2);
    }

    @Test
    void aWriteDocumentsItsCreatedAnswerAndItsProblems() {
        JsonNode responses = docs.at("/paths/~1api~1customers/post/responses");
        assertThat(responses.has("201")).isTrue();
        assertThat(responses.has("200")).isFalse();
        for (String status : List.of("400", "401", "403")) {
            assertThat(responses.path(status).path("content").path("application/problem+json").path("schema")
                    .path("$ref").asText()).as(status).isEqualTo("#/components/schemas/Problem");
        }
        JsonNode draft = docs.at("/paths/~1api~1contracts/post/responses");
        assertThat(draft.has("201")).isTrue();
        assertThat(draft.has("200")).as("an idempotent retry answers 200").isTrue();
        assertThat(docs.at("/paths/~1api~1contracts~1{id}~1submit/post/responses/404/content")
                .has("application/problem+json")).isTrue();
        JsonNode problem = docs.at("/components/schemas/Problem/properties");
        assertThat(problem.has("type")).isTrue();
        assertThat(problem.has("detail")).isTrue();
        assertThat(problem.path("errors").path("items").path("properties").has("field")).isTrue();
    }

    @Test
    void theInfoSaysWhatThisIs() {
        JsonNode info = docs.path("info");
        assertThat(info.path("title").asText()).contains("Pactum");
        assertThat(info.path("version").asText()).isNotBlank().isNotEqualTo("v0");
        assertThat(info.path("description").asText()).contains("problem+json", "Bearer");
        assertThat(info.path("contact").path("name").asText()).isNotBlank();
        assertThat(info.path("license").path("name").asText()).isNotBlank();
        assertThat(docs.path("paths").has("/login")).as("pages are not part of the API").isFalse();
    }

    /** The essentials of Redocly's recommended rule set, checked without npm. */
    @Test
    void everyOperationPassesWhatRedoclysRecommendedRulesCheck() {
        assertThat(docs.path("servers")).isNotEmpty();
        docs.path("servers").forEach(server -> assertThat(server.path("url").asText())
                .doesNotContain("localhost", "example.com"));
        assertThat(docs.at("/info/license/name").asText()).isNotBlank();
        Set<String> describedTags = new HashSet<>();
        docs.path("tags").forEach(tag -> {
            assertThat(tag.path("description").asText()).as("tag %s", tag.path("name")).isNotBlank();
            describedTags.add(tag.path("name").asText());
        });
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (var path = docs.path("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            for (var method = entry.getValue().fields(); method.hasNext(); ) {
                var operation = method.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String where = operation.getKey().toUpperCase() + " " + entry.getKey();
                JsonNode op = operation.getValue();
                assertThat(op.path("operationId").asText()).as("operationId of %s", where).isNotBlank();
                assertThat(operationIds.add(op.path("operationId").asText()))
                        .as("operationId %s of %s is unique", op.path("operationId").asText(), where).isTrue();
                assertThat(op.path("summary").asText()).as("summary of %s", where).isNotBlank();
                List<String> statuses = new ArrayList<>();
                op.path("responses").fieldNames().forEachRemaining(statuses::add);
                assertThat(statuses).as("responses of %s", where).anyMatch(status -> status.startsWith("4"));
                assertThat(statuses).as("responses of %s", where).anyMatch(status -> status.startsWith("2"));
                assertThat(op.has("security") || docs.has("security")).as("security of %s", where).isTrue();
                op.path("tags").forEach(tag -> assertThat(describedTags).as("tag of %s", where)
                        .contains(tag.asText()));
                for (JsonNode parameter : op.path("parameters")) {
                    if ("path".equals(parameter.path("in").asText())) {
                        assertThat(entry.getKey()).contains("{" + parameter.path("name").asText() + "}");
                    }
                }
            }
        }
        assertThat(operations).isGreaterThan(40);
    }

    @Test
    void swaggerUiWritesWithTheSessionAndItsCsrfToken() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=sales1&password=sales1&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);

        HttpResponse<String> ui = browser.send(HttpRequest.newBuilder(URI.create(base + "/swagger-ui/index.html"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        HttpResponse<String> initializer = browser.send(HttpRequest.newBuilder(
                URI.create(base + "/swagger-ui/swagger-initializer.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(initializer.body()).contains("PACTUM-SWAGGER-CSRF", "X-CSRF-TOKEN");
        String token = cookies.getCookieStore().get(URI.create(base)).stream()
                .filter(cookie -> cookie.getName().equals("PACTUM-SWAGGER-CSRF")).map(HttpCookie::getValue)
                .findFirst().orElseThrow();

        HttpRequest.Builder write = HttpRequest.newBuilder(URI.create(base + "/api/customers"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        HttpResponse<String> withoutToken = browser.send(write.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withToken = browser.send(write.header("X-CSRF-TOKEN", token).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        // Past the CSRF check, the empty customer reaches validation: Swagger UI's "Try it out" works.
        assertThat(withToken.statusCode()).isEqualTo(400);
        assertThat(json.readTree(withToken.body()).path("type").asText())
                .isEqualTo(ProblemHandler.TYPE_BASE + "validation");
    }
}
