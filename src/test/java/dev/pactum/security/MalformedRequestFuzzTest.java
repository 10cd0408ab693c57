package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.contract.TestContracts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 10,000 malformed requests with a fixed seed against Pactum's write and read endpoints and some of the engine's, as
 * signed-in users: fuzzed JSON (dropped fields, wrong types, odd numbers, deep nesting, truncation), huge and empty
 * bodies, invalid UTF-8, wrong content types, odd query parameters, abused headers. No answer may be a 5xx, and
 * the tables change only by what the successful answers say they did.
 */
@PactumTest
class MalformedRequestFuzzTest {

    private static final long SEED = 20261207L;
    private static final int REQUESTS = 10_000;
    private static final List<String> USERS = List.of("sales1", "sales2", "manager1", "finance1", "admin");
    private static final List<String> TABLES = List.of("contract", "customer", "contract_document_version",
            "approval_round", "approval_level", "approval_decision", "payment", "contract_termination",
            "out_of_office", "saved_filter", "saved_report");

    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired ContractProcessDriver driver;
    @Autowired TestContracts testContracts;
    @Autowired TaskService tasks;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private record Target(String method, String path, String template) {
    }

    @Test
    void tenThousandMalformedRequestsGetNo5xxAndWriteNothingHalfway() throws Exception {
        ProcessInstance inApproval = driver.submit("sales1", "220000");
        long contract = driver.contract(inApproval).getId();
        String task = tasks.createTaskQuery().processInstanceId(inApproval.getId()).singleResult().getId();
        long draft = testContracts.draft("sales1", "90000").getId();
        long customer = testContracts.customer("模糊测试客户有限公司").getId();
        String validContract = """
                {"templateKey": "sales-standard", "customerId": %d, "title": "模糊合同-{seed}", "type": "SALES",
                 "amount": "80000.00", "currency": "CNY", "startDate": "2027-01-01", "endDate": "2027-12-31",
                 "paymentTermDays": 30, "terms": {"liabilityCap": "80000.00", "autoRenewal": false},
                 "fields": {"deliveryPlace": "上海"}, "clauses": {"delivery": "x"},
                 "milestones": [{"dueDate": "2027-06-01", "amount": "80000.00", "description": "全款"}]}"""
                .formatted(customer);
        List<Target> targets = List.of(
                new Target("POST", "/api/contracts", validContract),
                new Target("POST", "/api/customers", """
                        {"name": "模糊客户", "creditCode": "91310000MA1K4A2B3C", "contactEmail": "a@b.cn",
                         "creditLimit": "1000.00", "hasOverduePayments": false}"""),
                new Target("PUT", "/api/customers/" + customer + "/credit",
                        "{\"creditLimit\": \"1000.00\", \"hasOverduePayments\": true}"),
                new Target("POST", "/api/contracts/" + draft + "/terminate", "{\"reason\": \"x\"}"),
                new Target("POST", "/api/contracts/" + contract + "/payments",
                        "{\"milestoneId\": 1, \"amount\": \"10.00\", \"paidOn\": \"2027-01-01\", \"reference\": \"R\"}"),
                new Target("POST", "/api/contracts/" + contract + "/terminate", "{\"reason\": 12}"),
                new Target("POST", "/api/tasks/" + task + "/delegate", "{\"to\": \"nobody-here\"}"),
                new Target("PUT", "/api/me/out-of-office",
                        "{\"deputy\": \"nobody-here\", \"from\": \"2030-01-01\", \"to\": \"2030-01-02\"}"),
                new Target("POST", "/api/documents/verify", "%PDF-1.7 not really"),
                new Target("GET", "/api/contracts", null),
                new Target("GET", "/api/contracts/" + contract, null),
                new Target("GET", "/api/contracts/" + contract + "/approvals", null),
                new Target("GET", "/api/customers", null),
                new Target("GET", "/api/receivables", null),
                new Target("GET", "/api/notifications", null),
                new Target("GET", "/api/audit", null),
                new Target("GET", "/contracts", null),
                new Target("GET", "/reports/run", null),
                new Target("POST", "/engine-rest/process-definition/key/contractLifecycle/start",
                        "{\"variables\": {\"title\": {\"value\": \"x\"}, \"amount\": {\"value\": \"1\"}}}"),
                new Target("POST", "/engine-rest/task/" + task + "/complete",
                        "{\"variables\": {\"decision\": {\"value\": \"maybe\"}}}"),
                new Target("GET", "/engine-rest/history/process-instance", null),
                new Target("POST", "/engine-rest/task", "{\"processInstanceId\": \"x\"}"));

        Map<String, Long> before = counts();
        Random seeds = new Random(SEED);
        List<Long> requestSeeds = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requestSeeds.add(seeds.nextLong());
        }
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger closedOversize = new AtomicInteger();
        Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
        Map<String, Integer> statusByTag = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
        long startedAt = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (long requestSeed : requestSeeds) {
                work.add(pool.submit(() -> {
                    Random random = new Random(requestSeed);
                    Target target = targets.get(random.nextInt(targets.size()));
                    String tag = Long.toHexString(requestSeed);
                    HttpRequest request = fuzz(new Target(target.method(), target.path(),
                            target.template() == null ? null : target.template().replace("{seed}", tag)), random);
                    HttpResponse<String> response;
                    try {
                        response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (java.io.IOException broken) {
                        sent.incrementAndGet();
                        if (headBytes(request) > OVERSIZE_HEAD_BYTES) {
                            // Tomcat answers a head over server.max-http-request-header-size (8 KB) with 400 and
                            // closes without reading the body; closing with the body unread sends a TCP reset, which
                            // can reach the client first and discard the 400. A closed connection is the refusal.
                            closedOversize.incrementAndGet();
                            return null;
                        }
                        // Any other answer cut off halfway is a server failure too.
                        serverErrors.incrementAndGet();
                        examples.add(request.method() + " " + request.uri() + " (head about " + headBytes(request)
                                + " bytes) → broken answer: " + broken);
                        return null;
                    }
                    sent.incrementAndGet();
                    if (response.statusCode() >= 500) {
                        serverErrors.incrementAndGet();
                        if (examples.size() < 20) {
                            examples.add(request.method() + " " + request.uri() + " → " + response.statusCode() + " "
                                    + abbreviate(response.body()));
                        }
                    } else if (response.statusCode() == 201 || target.path().startsWith("/engine-rest/process-definition")
                            && response.statusCode() == 200) {
                        created.computeIfAbsent(target.method() + " " + target.path(), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    statusByTag.put(tag, response.statusCode());
                    if (response.statusCode() >= 200 && response.statusCode() < 300) {
                        successes.computeIfAbsent(target.method() + " " + target.path(), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> after = counts();
        long seconds = (System.nanoTime() - startedAt) / 1_000_000_000L;

        System.out.printf("FUZZ REQUESTS TRIED: %d (seed %d, %d s)%n", sent.get(), SEED, seconds);
        System.out.printf("FUZZ OVERSIZE HEADS CLOSED WITHOUT AN ANSWER: %d%n", closedOversize.get());
        System.out.println("FUZZ 5XX: " + serverErrors.get());
        System.out.println("FUZZ SUCCESSES: " + successes);
        System.out.println("FUZZ ROW COUNTS BEFORE: " + before);
        System.out.println("FUZZ ROW COUNTS AFTER:  " + after);
        examples.forEach(example -> System.out.println("FUZZ 5XX EXAMPLE: " + example));

        System.out.println("FUZZ CREATED: " + created);
        // Each fuzzed draft carries its request's tag in the title: a draft whose request was not answered 2xx is a
        // write that the answer denies.
        List<String> deniedWrites = jdbc.queryForList("select title from contract where title like '模糊合同-%'",
                String.class).stream().map(title -> title.substring("模糊合同-".length()))
                .filter(tag -> statusByTag.getOrDefault(tag, 0) < 200 || statusByTag.get(tag) >= 300)
                .map(tag -> tag + " answered " + statusByTag.get(tag)).toList();
        System.out.println("FUZZ WRITES BEHIND A FAILED ANSWER: " + deniedWrites.size() + " " + deniedWrites);

        assertThat(sent.get()).isEqualTo(REQUESTS);
        assertThat(deniedWrites).as("drafts written by requests that were not answered 2xx").isEmpty();
        assertThat(examples).as("5xx answers").isEmpty();
        // Drafts and customers are the only rows these requests may add (a started lifecycle adds a contract with
        // its first document, round and levels); nothing else may change, whatever failed.
        long started = created(created, "POST /engine-rest/process-definition/key/contractLifecycle/start");
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.merge("contract", created(created, "POST /api/contracts") + started, Long::sum);
        expected.merge("customer", created(created, "POST /api/customers"), Long::sum);
        if (started > 0) {
            for (String table : List.of("contract_document_version", "approval_round", "approval_level")) {
                expected.put(table, after.get(table));
            }
        }
        assertThat(after).as("rows added or removed beyond what successful requests did").isEqualTo(expected);
    }

    private static long created(Map<String, AtomicInteger> successes, String target) {
        AtomicInteger count = successes.get(target);
        return count == null ? 0 : count.get();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    // ---- the fuzzer ----

    /** Within 512 bytes of Tomcat's 8 KB limit for the request line and headers (Host, length and agent not counted). */
    private static final int OVERSIZE_HEAD_BYTES = 8 * 1024 - 512;

    /** The request line's target and the headers this test sets, in bytes: what Tomcat's head limit counts. */
    private static int headBytes(HttpRequest request) {
        int bytes = request.uri().getRawPath().length()
                + (request.uri().getRawQuery() == null ? 0 : request.uri().getRawQuery().length() + 1);
        for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
            for (String value : header.getValue()) {
                bytes += header.getKey().length() + 4 + value.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }

    private HttpRequest fuzz(Target target, Random random) {
        String user = USERS.get(random.nextInt(USERS.size()));
        String path = target.path() + query(random);
        byte[] body = target.template() == null ? null : body(target.template(), random);
        if (body == null && random.nextInt(10) == 0) {
            body = body("{}", random);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.uri("").toString() + path))
                .timeout(Duration.ofSeconds(60))
                .method(target.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", contentType(random));
        }
        headers(request, random);
        return request.build();
    }

    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json",
            "application/json; charset=UTF-8", "application/json; charset=ISO-8859-1", "text/plain",
            "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/pdf", "application/json; charset=nope", "*/*", "application/merge-patch+json", "garbage"};

    private static String contentType(Random random) {
        return CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
    }

    private static void headers(HttpRequest.Builder request, Random random) {
        switch (random.nextInt(12)) {
            case 0 -> request.header("Idempotency-Key", "k".repeat(1 + random.nextInt(400)));
            case 1 -> request.header("Idempotency-Key", oddText(random, 1 + random.nextInt(60)));
            case 2 -> request.header("Accept-Language", oddText(random, 1 + random.nextInt(40)));
            case 3 -> request.header("Accept", random.nextBoolean() ? "application/xml" : "text/csv");
            case 4 -> request.header("X-Forwarded-For", oddText(random, 1 + random.nextInt(60)));
            case 5 -> request.header("Accept-Language", "en;q=" + random.nextInt() + ", zh;q=abc");
            case 6 -> request.header("X-Pactum-Padding", "x".repeat(4000 + random.nextInt(4000)));
            default -> {
            }
        }
    }

    private static final String[] PARAMETERS = {"page", "size", "sort", "q", "status", "customerId", "unread",
            "from", "to", "user", "action", "dimension", "measure", "chart", "type", "maxResults", "firstResult",
            "sortBy", "sortOrder", "processInstanceId", "amountFrom", "owner", "charset"};
    private static final String[] ODD_VALUES = {"-1", "0", "2147483648", "99999999999999999999", "1e400", "NaN",
            "abc", "", " ", "null", "true", "[]", "{}", "id,desc", "owner.password", "amount;drop table contract",
            "2026-13-45", "2026-01-01T25:00:00Z", "ACTIVE", "nope", "%", "\u0000", "😀", "中文", "'\"<>&"};

    private static String query(Random random) {
        int count = random.nextInt(4);
        if (count == 0) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (int i = 0; i < count; i++) {
            String value = random.nextInt(8) == 0 ? "x".repeat(random.nextInt(5000))
                    : ODD_VALUES[random.nextInt(ODD_VALUES.length)];
            query.append(i == 0 ? "" : "&").append(PARAMETERS[random.nextInt(PARAMETERS.length)]).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static final String[] ODD_JSON = {"null", "true", "false", "0", "-1", "1e400", "-1e400", "1.5e-400",
            "99999999999999999999999999999", "\"\"", "\"  \"", "\"abc\"", "[]", "{}", "[null]", "{\"a\": {}}",
            "\"2026-02-30\"", "\"9999-99-99\"", "\"\\u0000\"", "\"\\ud800\"", "\"😀\"", "\"<script>x</script>\"",
            "\"" + "长".repeat(3000) + "\"", "0.001", "-0", "12345678901234567890.123456"};

    private static byte[] body(String template, Random random) {
        String text = template.isEmpty() ? "{}" : template;
        int strategy = random.nextInt(14);
        return switch (strategy) {
            case 0 -> truncate(text, random);
            case 1 -> invalidUtf8(text, random);
            case 2 -> randomBytes(random, random.nextInt(300));
            case 3 -> new byte[0];
            case 4 -> ("[".repeat(1 + random.nextInt(3000)) + "]".repeat(random.nextInt(10)))
                    .getBytes(StandardCharsets.UTF_8);
            case 5 -> ("{\"title\": \"" + "x".repeat(random.nextInt(20) == 0 ? 1_000_000 + random.nextInt(2_000_000)
                    : 10_000 + random.nextInt(100_000)) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case 6 -> text.getBytes(StandardCharsets.UTF_16);
            case 7 -> ("{\"unknown\": 1, " + text.substring(1)).getBytes(StandardCharsets.UTF_8);
            default -> replaceValues(text, random).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Replaces one to three JSON values of the template (strings, numbers, objects) with odd ones, or drops a key. */
    private static String replaceValues(String text, Random random) {
        String result = text;
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            List<int[]> values = new ArrayList<>();
            java.util.regex.Matcher matcher = java.util.regex.Pattern
                    .compile(":\\s*(\"[^\"]*\"|-?[0-9.]+|true|false|null|\\{[^{}]*}|\\[[^\\[\\]]*])").matcher(result);
            while (matcher.find()) {
                values.add(new int[] {matcher.start(1), matcher.end(1)});
            }
            if (values.isEmpty()) {
                return result;
            }
            int[] value = values.get(random.nextInt(values.size()));
            String replacement = random.nextInt(6) == 0 ? oddText(random, 1 + random.nextInt(20))
                    : ODD_JSON[random.nextInt(ODD_JSON.length)];
            result = result.substring(0, value[0]) + replacement + result.substring(value[1]);
        }
        return result;
    }

    private static byte[] truncate(String text, Random random) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(bytes, random.nextInt(Math.max(1, bytes.length)));
    }

    private static byte[] invalidUtf8(String text, Random random) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        int at = random.nextInt(Math.max(1, bytes.length));
        byte[] insert = bad[random.nextInt(bad.length)];
        byte[] result = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(bytes, at, result, at + insert.length, bytes.length - at);
        return result;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String oddText(Random random, int length) {
        String alphabet = "aZ09 -_.:;,'\"\\/<>{}[]()%&=+*#@!?~`|^$中文😀\t";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        // Header values must stay printable for the client to send them at all.
        return text.toString().replaceAll("[\\t\\u0000-\\u001f]", " ").replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) : body;
    }
}
