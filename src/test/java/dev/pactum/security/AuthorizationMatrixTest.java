package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.Customer;
import dev.pactum.contract.CustomerService;
import dev.pactum.contract.NewContract;
import dev.pactum.contract.NewCustomer;
import dev.pactum.contract.TestContracts;
import dev.pactum.obligation.AfterApprovalContracts;
import dev.pactum.obligation.SigningDriver;
import dev.pactum.security.AuthorizationMatrix.Expectation;
import dev.pactum.security.AuthorizationMatrix.Row;
import dev.pactum.security.AuthorizationMatrix.Sees;
import jakarta.ws.rs.Path;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row.MissingCellPolicy;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.rest.history.HistoryRestService;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every door × every role, over real HTTP on the real engine and database: each cell of
 * {@code src/test/resources/security/authorization-matrix.md} is one request whose status must be the cell's, and
 * whose answer (body and headers, PDFs and workbooks read as text) must not carry the victim contract's title or
 * customer to a role that may not see them. A Pactum endpoint or an engine REST resource without a row fails.
 */
@PactumTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** People who may see sales1's contracts anywhere: the owner, the reviewers, admins. */
    private static final Set<String> SEE_THE_VICTIMS_CONTRACTS =
            Set.of("sales1", "manager1", "legal1", "finance1", "director1", "admin");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    @Autowired ApiClient api;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired CustomerService customers;
    @Autowired ContractService contracts;
    @Autowired ContractRepository contractRepository;
    @Autowired ContractProcessDriver driver;
    @Autowired SigningDriver signing;
    @Autowired TaskService tasks;
    @Autowired RepositoryService repository;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final String marker = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    /** The victim's contract title and its customer's name; sales1 owns every victim contract. */
    private final String titleMarker = "MXT" + marker;
    private final String customerMarker = "MXC" + marker;

    private AuthorizationMatrix matrix;
    private final Map<String, String> fixtures = new LinkedHashMap<>();
    private Customer victimCustomer;
    private String tokenSecret;
    private long serviceAccount;

    @BeforeAll
    void fixtures() throws Exception {
        matrix = AuthorizationMatrix.load();
        victimCustomer = customers.register(new NewCustomer("矩阵受害客户 " + customerMarker + " 有限公司",
                TestContracts.newCreditCode(), "矩阵联系人", "mx@example.com", "010-0000-0000", null, "CNY", false),
                true);
        fixtures.put("customer", victimCustomer.getId().toString());
        fixtures.put("otherCustomer", customers.register(new NewCustomer("矩阵其他客户有限公司",
                TestContracts.newCreditCode(), null, null, null, null, "CNY", false), true).getId().toString());
        ProcessDefinition lifecycle = repository.createProcessDefinitionQuery().processDefinitionKey("contractLifecycle")
                .latestVersion().singleResult();
        fixtures.put("def", lifecycle.getId());
        fixtures.put("deployment", lifecycle.getDeploymentId());
        newVictimInApproval();
        newVictimDraft();
        newVictimSigning();
        newFilter();
        newReport();
        fixtures.put("notification", jdbc.queryForObject(
                "select max(id) from notification where recipient = 'sales1'", Long.class).toString());

        JsonNode account = admin("POST", "/api/admin/service-accounts",
                "{\"name\": \"svc-matrix-" + marker.toLowerCase(Locale.ROOT) + "\", \"groups\": [\"sales\"]}");
        serviceAccount = account.get("id").asLong();
        fixtures.put("account", Long.toString(serviceAccount));
        tokenSecret = admin("POST", "/api/admin/service-accounts/" + serviceAccount + "/tokens",
                "{\"name\": \"matrix\", \"scopes\": [\"read\", \"write\"], \"validDays\": 1}").get("secret").asText();
        newRevocableToken();
    }

    @Test
    void everyCellAnswersAsTheMatrixSaysAndLeaksNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        int cells = 0;
        int leaks = 0;
        int serverErrors = 0;
        String only = System.getProperty("matrix.only", "");
        for (Row row : matrix.rows()) {
            if (!only.isEmpty() && !row.path().matches(only)) {
                continue;
            }
            // Reads change nothing: all roles' cells of a GET row go at once; writes go one by one.
            List<Future<Answer>> reads = new ArrayList<>();
            if (row.method().equals("GET")) {
                for (String role : matrix.roles()) {
                    reads.add(pool.submit(() -> send(row, role)));
                }
            }
            StringBuilder observed = new StringBuilder("| " + row.method() + " | `" + row.path() + "` | "
                    + row.body() + " |");
            for (int column = 0; column < matrix.roles().size(); column++) {
                String role = matrix.roles().get(column);
                Expectation expected = row.cells().get(column);
                Answer answer = reads.isEmpty() ? send(row, role) : reads.get(column).get();
                cells++;
                boolean leaked = leaks(role, expected.sees(), answer.text());
                observed.append(' ').append(answer.status()).append(leaked ? " LEAK" : "").append(" |");
                if (leaked || answer.status() >= 500) {
                    System.out.println("MATRIX DETAIL " + row + " as " + role + ": " + answer.status()
                            + (answer.text().contains(titleMarker) ? " TITLE" : "")
                            + (answer.text().contains(customerMarker) ? " CUSTOMER" : "") + " "
                            + abbreviate(answer.text()));
                }
                if (answer.status() >= 500) {
                    serverErrors++;
                }
                if (leaked) {
                    leaks++;
                    failures.add(row + " as " + role + ": the victim's data is in the answer (" + answer.status()
                            + ")");
                }
                if (expected.status() == Expectation.UNDECIDED) {
                    undecided.add(row + " as " + role + ": " + answer.status());
                } else if (answer.status() != expected.status()) {
                    failures.add(row + " as " + role + ": expected " + expected.status() + ", got "
                            + answer.status() + " " + abbreviate(answer.text()));
                }
                if (answer.status() >= 200 && answer.status() < 300 && !row.method().equals("GET")) {
                    refreshAfterChange(row);
                }
            }
            if (!undecided.isEmpty() || !failures.isEmpty()) {
                System.out.println("MATRIX OBSERVED " + observed);
            }
        }
        System.out.printf("AUTHORIZATION MATRIX: %d requests × %d roles = %d cells%n", matrix.rows().size(),
                matrix.roles().size(), cells);
        System.out.println("AUTHORIZATION MATRIX LEAKS: " + leaks);
        System.out.println("AUTHORIZATION MATRIX 5XX: " + serverErrors);
        assertThat(undecided).as("cells marked ? in the matrix").isEmpty();
        assertThat(failures).isEmpty();
    }

    @AfterAll
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void everyPactumEndpointHasARow() {
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> entry : handlerMapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                Pattern matches = AuthorizationMatrix.matcherFor(pattern);
                List<String> wanted = methods.isEmpty() ? List.of("*")
                        : methods.stream().map(RequestMethod::name).toList();
                for (String method : wanted) {
                    boolean covered = matrix.rows().stream().anyMatch(row -> matches.matcher(row.bare()).matches()
                            && (method.equals("*") || row.method().equals(method)));
                    if (!covered) {
                        missing.add(method + " " + pattern);
                    }
                }
            }
        }
        assertThat(missing).as("endpoints without a row in " + AuthorizationMatrix.RESOURCE).isEmpty();
    }

    @Test
    void everyEngineRestResourceHasARow() {
        Set<String> missing = new TreeSet<>();
        for (String resource : resourcePaths(DefaultProcessEngineRestServiceImpl.class)) {
            requireRowUnder("/engine-rest" + resource, missing);
        }
        for (String resource : resourcePaths(HistoryRestService.class)) {
            requireRowUnder("/engine-rest/history" + resource, missing);
        }
        assertThat(missing).as("engine REST resources without a row in " + AuthorizationMatrix.RESOURCE).isEmpty();
    }

    private static Set<String> resourcePaths(Class<?> type) {
        Set<String> paths = new TreeSet<>();
        for (Method method : type.getMethods()) {
            Path path = method.getAnnotation(Path.class);
            if (path != null) {
                paths.add(path.value().startsWith("/") ? path.value() : "/" + path.value());
            }
        }
        assertThat(paths).as("resources of " + type.getSimpleName()).isNotEmpty();
        return paths;
    }

    private void requireRowUnder(String prefix, Set<String> missing) {
        boolean covered = matrix.rows().stream().map(Row::path).anyMatch(path -> path.equals(prefix)
                || path.startsWith(prefix + "/") || path.startsWith(prefix + "?"));
        if (!covered) {
            missing.add(prefix);
        }
    }

    // ---- requests ----

    private record Answer(int status, String text) {
    }

    private Answer send(Row row, String role) throws Exception {
        String path = resolve(row.path(), role);
        Body body = body(row.body(), role);
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path))
                .method(row.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body.content()))
                .header("Accept-Language", "en");
        if (body != null) {
            request.header("Content-Type", body.contentType());
        }
        String authorization = authorization(role);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), text(response));
    }

    private String authorization(String role) {
        return switch (role) {
            case "anonymous" -> null;
            case "token" -> "Bearer " + tokenSecret;
            default -> "Basic " + Base64.getEncoder().encodeToString((role + ":" + role)
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    private String resolve(String template, String role) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = switch (name) {
                case "me" -> role.equals("token") ? "svc-matrix-" + marker.toLowerCase(Locale.ROOT) : role;
                case "newCreditCode" -> TestContracts.newCreditCode();
                case "unique" -> UUID.randomUUID().toString().substring(0, 8);
                default -> {
                    String fixture = fixtures.get(name);
                    if (fixture == null) {
                        throw new IllegalStateException("Unknown placeholder {" + name + "} in " + template);
                    }
                    yield fixture;
                }
            };
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private record Body(String contentType, byte[] content) {
    }

    /** The named bodies the matrix's {@code body} column refers to. */
    private Body body(String name, String role) throws Exception {
        if (name.isEmpty()) {
            return null;
        }
        Map<String, Supplier<String>> jsonBodies = Map.ofEntries(
                Map.entry("empty", () -> "{}"),
                Map.entry("contract", () -> """
                        {"templateKey": "sales-standard", "customerId": {otherCustomer}, "title": "矩阵新合同",
                         "type": "SALES", "amount": "80000.00", "currency": "CNY", "startDate": "2027-01-01",
                         "endDate": "2027-12-31", "paymentTermDays": 30,
                         "terms": {"liabilityCap": "80000.00", "autoRenewal": false}}"""),
                Map.entry("customer", () -> """
                        {"name": "矩阵新客户 {unique} 有限公司", "creditCode": "{newCreditCode}"}"""),
                Map.entry("credit", () -> "{\"creditLimit\": \"500000.00\", \"hasOverduePayments\": false}"),
                Map.entry("payment", () -> """
                        {"milestoneId": 1, "amount": "100.00", "paidOn": "2027-01-05", "reference": "MX-PAY"}"""),
                Map.entry("reason", () -> "{\"reason\": \"矩阵测试 matrix\"}"),
                Map.entry("snooze", () -> "{\"for\": \"P1D\"}"),
                Map.entry("delegate", () -> "{\"to\": \"manager2\"}"),
                Map.entry("absence", () -> "{\"deputy\": \"director1\", \"from\": \"2030-01-01\", \"to\": \"2030-01-02\"}"),
                Map.entry("whatif", () -> "{\"files\": {}, \"lastContracts\": 3}"),
                Map.entry("account", () -> "{\"name\": \"svc-mx-{unique}\", \"groups\": [\"sales\"]}"),
                Map.entry("token", () -> "{\"name\": \"mx\", \"scopes\": [\"read\"], \"validDays\": 1}"),
                Map.entry("takeover", () -> """
                        {"variables": {"contractId": {"value": {contract}, "type": "Long"},
                                       "contractOwner": {"value": "{me}"}}}"""),
                Map.entry("claim", () -> "{\"userId\": \"{me}\"}"),
                Map.entry("toOwner", () -> "{\"userId\": \"sales1\"}"),
                Map.entry("approve", () -> "{\"variables\": {\"decision\": {\"value\": \"approve\"}}}"),
                Map.entry("setOwner", () -> "{\"modifications\": {\"contractOwner\": {\"value\": \"{me}\"}}}"),
                Map.entry("message", () -> """
                        {"messageName": "ContractTerminated", "processInstanceId": "{pi}"}"""),
                Map.entry("signal", () -> "{\"name\": \"matrix-signal\"}"),
                Map.entry("query", () -> "{\"processInstanceId\": \"{pi}\"}"),
                Map.entry("grant", () -> """
                        {"type": 1, "permissions": ["ALL"], "userId": "{me}", "resourceType": 8,
                         "resourceId": "*"}"""),
                Map.entry("user", () -> """
                        {"profile": {"id": "mx{unique}", "firstName": "Mia", "lastName": "Zed", "email": "mx@example.com"},
                         "credentials": {"password": "Matrix-Passw0rd-Long!"}}"""),
                Map.entry("modification", () -> """
                        {"processDefinitionId": "{def}", "processInstanceIds": ["{pi}"],
                         "instructions": [{"type": "cancel", "activityId": "approveContract"}]}"""));
        return switch (name) {
            case "pdf" -> new Body("application/pdf", blankPdf());
            case "counterSigned" -> new Body("application/pdf", signing.counterSigned(
                    contractRepository.findById(Long.parseLong(fixtures.get("signing"))).orElseThrow()));
            case "filterForm" -> new Body("application/x-www-form-urlencoded",
                    "name=mx&query=q%3Dx".getBytes(StandardCharsets.UTF_8));
            case "reportForm" -> new Body("application/x-www-form-urlencoded",
                    "name=mx&dimension=customer&measure=count&chart=bar".getBytes(StandardCharsets.UTF_8));
            default -> {
                Supplier<String> template = jsonBodies.get(name);
                if (template == null) {
                    throw new IllegalStateException("Unknown body " + name);
                }
                yield new Body("application/json", resolve(template.get(), role).getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private static byte[] blankPdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The answer as text: headers and body, PDFs and workbooks read as what a person would see in them. */
    private static String text(HttpResponse<byte[]> response) throws Exception {
        StringBuilder text = new StringBuilder();
        response.headers().map().forEach((name, values) -> text.append(name).append(": ").append(values).append('\n'));
        byte[] body = response.body();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("application/pdf") && body.length > 0) {
            try (PDDocument pdf = Loader.loadPDF(body)) {
                text.append(new PDFTextStripper().getText(pdf));
            }
        } else if (type.startsWith("application/vnd.openxmlformats") && body.length > 0) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
                for (Sheet sheet : workbook) {
                    for (org.apache.poi.ss.usermodel.Row row : sheet) {
                        for (int c = 0; c < row.getLastCellNum(); c++) {
                            Cell cell = row.getCell(c, MissingCellPolicy.RETURN_BLANK_AS_NULL);
                            if (cell != null) {
                                text.append(cell).append('\t');
                            }
                        }
                        text.append('\n');
                    }
                }
            }
        }
        text.append(new String(body, StandardCharsets.UTF_8));
        return text.toString();
    }

    private boolean leaks(String role, Sees sees, String answer) {
        if (SEE_THE_VICTIMS_CONTRACTS.contains(role) || sees == Sees.CONTRACT) {
            return false;
        }
        return answer.contains(titleMarker) || (sees != Sees.CUSTOMER && answer.contains(customerMarker));
    }

    private static String abbreviate(String text) {
        String body = text.contains("\n\n") ? text : text.replaceAll("(?s)^.*?\\n(?=[{\\[<])", "");
        return body.length() > 300 ? body.substring(body.length() - 300) : body;
    }

    // ---- fixtures: sales1's contracts (the victim's), each carrying the markers ----

    private NewContract victimRequest(LocalDate start) {
        return new NewContract("sales-standard", victimCustomer.getId(), "矩阵受害合同 " + titleMarker,
                ContractType.SALES, new BigDecimal("220000.00"), "CNY", start, start.plusYears(1).minusDays(1), 30,
                Map.of(), new ContractTerms(new BigDecimal("220000.00"), false, null, null), null, null);
    }

    /** In approval, waiting for the sales managers (level 1): {contract}, {pi}, {task}, {number}. */
    private void newVictimInApproval() {
        Contract draft = contracts.draft(victimRequest(AfterApprovalContracts.today().plusDays(30)), "sales1", null)
                .contract();
        ProcessInstance instance = driver.instanceOf(contracts.submit(draft, "sales1"));
        fixtures.put("contract", draft.getId().toString());
        fixtures.put("pi", instance.getId());
        fixtures.put("number", draft.getNumber());
        fixtures.put("task", tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
    }

    private void newVictimDraft() {
        fixtures.put("draft", contracts.draft(victimRequest(AfterApprovalContracts.today().plusDays(30)), "sales1",
                null).contract().getId().toString());
    }

    /** Approved and signed by the company, waiting for the counterparty: {signing}. */
    private void newVictimSigning() {
        Contract draft = contracts.draft(victimRequest(AfterApprovalContracts.today().plusDays(30)), "sales1", null)
                .contract();
        ProcessInstance instance = driver.instanceOf(contracts.submit(draft, "sales1"));
        driver.decide(instance, "manager1", "approve", null);
        signing.companySigns(instance);
        fixtures.put("signing", draft.getId().toString());
    }

    private void newFilter() {
        fixtures.put("filter", jdbc.queryForObject("""
                insert into saved_filter (owner, name, query, created_at) values ('sales1', ?, ?, now())
                returning id""", Long.class, "矩阵 " + UUID.randomUUID(), "q=" + titleMarker).toString());
    }

    private void newReport() {
        fixtures.put("report", jdbc.queryForObject("""
                insert into saved_report (owner, name, definition, shared_with, created_at, updated_at)
                values ('sales1', ?, '{"dimension": "customer", "measure": "count", "chart": "bar"}'::jsonb, null,
                        now(), now()) returning id""", Long.class, "矩阵报表 " + titleMarker).toString());
    }

    private void newRevocableToken() throws Exception {
        fixtures.put("tokenId", admin("POST", "/api/admin/service-accounts/" + serviceAccount + "/tokens",
                "{\"name\": \"revocable\", \"scopes\": [\"read\"], \"validDays\": 1}").at("/token/id").asText());
    }

    private void refreshAfterChange(Row row) throws Exception {
        String used = row.path() + " " + row.body();
        if (used.contains("{contract}") || used.contains("{pi}") || used.contains("{task}")
                || Set.of("takeover", "approve", "claim", "setOwner", "message", "query", "modification")
                        .contains(row.body())) {
            newVictimInApproval();
        }
        if (used.contains("{draft}")) {
            newVictimDraft();
        }
        if (used.contains("{signing}") || row.body().equals("counterSigned")) {
            newVictimSigning();
        }
        if (used.contains("{filter}")) {
            newFilter();
        }
        if (used.contains("{report}")) {
            newReport();
        }
        if (used.contains("{tokenId}")) {
            newRevocableToken();
        }
    }

    private JsonNode admin(String method, String path, String body) throws Exception {
        ApiClient.Response response = api.send("admin", method, path, body, "en");
        assertThat(response.status()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return response.body();
    }
}
