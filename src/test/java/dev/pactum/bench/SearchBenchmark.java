package dev.pactum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code GET /api/contracts} at scale: a mix of filtered, sorted, paged and searched list requests through the real
 * HTTP API (HTTP Basic, JSON, the audit trail included) on {@code -Dbench.contracts} contracts (a million by default,
 * made once by {@link ScaleData}), against the naive plan measured in the same run on the same data: the list's SQL
 * before V160 ({@code lower(...) like '%…%'} over contract joined with customer, an exact {@code count(*)} and
 * {@code offset} paging) with the schema's indexes as they were before V160 — in one transaction that drops V160's
 * indexes, puts back the three it replaced, measures, and rolls back. The naive side is timed over JDBC, without
 * HTTP, JSON or auditing, so the ratios understate the gain. Also shows what pg_trgm would do with Chinese on this
 * database (EXPLAIN ANALYZE on a sample).
 * Run: {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=dev.pactum.bench.SearchBenchmark}
 * (options: -Dbench.contracts=1000000 -Dbench.rounds=8 -Dbench.naive-rounds=1).
 */
public final class SearchBenchmark {

    /** V160's indexes, and the single-column ones it replaced (V1). */
    private static final List<String> V160_INDEXES = List.of("contract_search_idx", "contract_created_idx",
            "contract_owner_created_idx", "contract_status_created_idx", "contract_customer_created_idx",
            "contract_amount_idx", "contract_start_idx");
    private static final List<String> V1_INDEXES = List.of(
            "create index contract_customer_idx on contract (customer_id)",
            "create index contract_status_idx on contract (status)",
            "create index contract_owner_idx on contract (owner)");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int contracts = Integer.getInteger("bench.contracts", 1_000_000);
        int rounds = Integer.getInteger("bench.rounds", 8);
        int naiveRounds = Integer.getInteger("bench.naive-rounds", 1);
        try (ConfigurableApplicationContext context = ScaleData.start(contracts)) {
            DataSource dataSource = context.getBean(DataSource.class);
            System.out.println(ScaleData.ensure(dataSource, contracts));
            String port = context.getEnvironment().getProperty("local.server.port");
            Http http = new Http(Integer.parseInt(port), context.getBean(ObjectMapper.class));
            List<Request> mix;
            try (Connection connection = dataSource.getConnection()) {
                trigramFacts(connection);
                mix = mix(connection, http);
            }
            System.out.println("Warm-up ...");
            for (Request request : mix) {
                http.get(request.user(), request.path());
            }
            Map<String, List<Double>> api = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (Request request : mix) {
                    long started = System.nanoTime();
                    http.get(request.user(), request.path());
                    api.computeIfAbsent(request.kind(), k -> new ArrayList<>()).add((System.nanoTime() - started) / 1e6);
                }
            }
            System.out.println("Naive plan (indexes as before V160, in a transaction rolled back afterwards) ...");
            Map<String, List<Double>> naive = new LinkedHashMap<>();
            try (Connection connection = dataSource.getConnection()) {
                naive(connection, mix, naiveRounds, naive);
            }
            report(contracts, mix.size(), rounds, naiveRounds, api, naive);
        }
    }

    /** One list request of the mix: what it exercises, who asks, the API path and the naive SQL's filter. */
    record Request(String kind, String user, String path, Naive naive) {
    }

    /** The same request as the list's SQL before V160 would have run it. */
    record Naive(String where, List<Object> parameters, String orderBy, long offset) {
    }

    private static List<Request> mix(Connection connection, Http http) throws Exception {
        List<Request> mix = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(8);
        List<Long> customers = column(connection, "select id from customer order by random() limit 20", rs -> rs.getLong(1));
        List<String> customerNames = column(connection,
                "select name from customer order by random() limit 10", rs -> rs.getString(1));
        List<String> numbers = column(connection,
                "select number from contract order by random() limit 10", rs -> rs.getString(1));
        for (int i = 0; i < 3; i++) {
            mix.add(new Request("newest, all (manager)", "manager1", "/api/contracts?size=20",
                    naive("true", List.of(), "c.created_at desc, c.id desc", 0)));
            mix.add(new Request("newest, own (sales)", "sales1", "/api/contracts?size=20",
                    naive("c.owner = ?", List.of("sales1"), "c.created_at desc, c.id desc", 0)));
            String status = List.of("ACTIVE", "IN_APPROVAL", "EXPIRED").get(i);
            mix.add(new Request("status", "manager1", "/api/contracts?status=" + status,
                    naive("c.status = ?", List.of(status), "c.created_at desc, c.id desc", 0)));
            String owner = ScaleData.SALES_USERS[i % ScaleData.SALES_USERS.length];
            mix.add(new Request("owner + status", "manager1", "/api/contracts?owner=" + owner + "&status=ACTIVE",
                    naive("c.owner = ? and c.status = ?", List.of(owner, "ACTIVE"), "c.created_at desc, c.id desc",
                            0)));
            long customer = customers.get(random.nextInt(customers.size()));
            mix.add(new Request("customer", "manager1", "/api/contracts?customerId=" + customer,
                    naive("c.customer_id = ?", List.of(customer), "c.created_at desc, c.id desc", 0)));
            int month = 1 + random.nextInt(11);
            String from = "2025-%02d-01".formatted(month);
            String to = "2025-%02d-28".formatted(month);
            mix.add(new Request("date range", "manager1", "/api/contracts?from=" + from + "&to=" + to,
                    naive("c.created_at >= ?::date and c.created_at < ?::date + 1", List.of(from, to),
                            "c.created_at desc, c.id desc", 0)));
            mix.add(new Request("amount range, by amount", "manager1",
                    "/api/contracts?minAmount=1000000&maxAmount=1200000&sort=amount,desc",
                    naive("c.amount >= 1000000 and c.amount <= 1200000", List.of(), "c.amount desc, c.id desc", 0)));
            mix.add(new Request("sales, own, by amount", "sales2", "/api/contracts?sort=amount,desc",
                    naive("c.owner = ?", List.of("sales2"), "c.amount desc, c.id desc", 0)));
            mix.add(new Request("by customer name", "manager1", "/api/contracts?sort=customerName,asc&page=3",
                    naive("true", List.of(), "cu.name asc, c.id asc", 60)));
            mix.add(new Request("deep page 2,000 by number", "manager1", "/api/contracts?page=" + (2000 + i),
                    naive("true", List.of(), "c.created_at desc, c.id desc", (2000L + i) * 20)));
            // Searches: common and rare words, one character, whole customer names, number fragments, no match.
            String common = List.of("科技", "采购", "服务").get(i);
            mix.add(search("q: common 2-char word", "manager1", common, ""));
            mix.add(search("q: 1 char", "manager1", List.of("鑫", "药", "锂").get(i), ""));
            mix.add(search("q: phrase", "manager1", List.of("数控机床采购", "年度运维服务", "智慧园区项目").get(i), ""));
            mix.add(search("q: customer name", "manager1", customerNames.get(i), ""));
            mix.add(search("q: number fragment", "manager1", numbers.get(i).substring(8), ""));
            mix.add(search("q: whole number", "sales1", numbers.get(3 + i), ""));
            mix.add(search("q: no match", "manager1", List.of("不存在的合同", "zzz", "量子").get(i), ""));
            mix.add(search("q + status (sales)", "sales1", common, "ACTIVE"));
        }
        // Keyset: cursors taken deep in the list (after page 2,000), then each next page by cursor.
        for (int i = 0; i < 3; i++) {
            JsonNode page = http.json("manager1", "/api/contracts?page=" + (2000 + i));
            String cursor = page.path("next").asText();
            mix.add(new Request("deep page by cursor", "manager1",
                    "/api/contracts?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                    naive("true", List.of(), "c.created_at desc, c.id desc", (2001L + i) * 20)));
        }
        return mix;
    }

    private static Request search(String kind, String user, String text, String status) {
        String pattern = "%" + text.toLowerCase(java.util.Locale.ROOT) + "%";
        String path = "/api/contracts?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + (status.isEmpty() ? "" : "&status=" + status);
        List<Object> parameters = new ArrayList<>();
        String where = "(lower(c.number) like ? or lower(c.title) like ? or lower(cu.name) like ?)";
        parameters.addAll(List.of(pattern, pattern, pattern));
        if (user.startsWith("sales")) {
            where = "c.owner = ? and " + where;
            parameters.add(0, user);
        }
        if (!status.isEmpty()) {
            where += " and c.status = ?";
            parameters.add(status);
        }
        return new Request(kind, user, path, new Naive(where, parameters, "c.created_at desc, c.id desc", 0));
    }

    private static Naive naive(String where, List<Object> parameters, String orderBy, long offset) {
        return new Naive(where, parameters, orderBy, offset);
    }

    /** Before V160: an exact count, then the page by offset, over contract joined with customer. */
    private static void naive(Connection connection, List<Request> mix, int rounds, Map<String, List<Double>> times)
            throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String index : V160_INDEXES) {
                statement.execute("drop index " + index);
            }
            for (String index : V1_INDEXES) {
                statement.execute(index);
            }
            statement.execute("analyze contract");
        }
        try {
            for (int round = 0; round < rounds; round++) {
                for (Request request : mix) {
                    Naive naive = request.naive();
                    long started = System.nanoTime();
                    String from = " from contract c join customer cu on cu.id = c.customer_id where " + naive.where();
                    query(connection, "select count(*)" + from, naive.parameters());
                    query(connection, """
                            select c.id, c.number, c.title, c.type, c.status, c.owner, c.customer_id,
                                   cu.name as customer_name, c.amount, c.currency, c.start_date, c.end_date,
                                   c.created_at, (select r.level from risk_assessment r where r.contract_id = c.id
                                                  order by r.id desc limit 1) as risk_level"""
                            + from + " order by " + naive.orderBy() + " limit 20 offset " + naive.offset(),
                            naive.parameters());
                    times.computeIfAbsent(request.kind(), k -> new ArrayList<>())
                            .add((System.nanoTime() - started) / 1e6);
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static void query(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getObject(1);
                }
            }
        }
    }

    /**
     * What pg_trgm (shipped with the embedded PostgreSQL) does with Chinese here: on a 20,000-title sample, with a
     * trigram GIN index, in a transaction rolled back afterwards.
     */
    private static void trigramFacts(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            System.out.println("Database LC_CTYPE: " + single(statement, "select datctype from pg_database"
                    + " where datname = current_database()") + "; pg_trgm available: "
                    + single(statement, "select count(*) > 0 from pg_available_extensions where name = 'pg_trgm'"));
            statement.execute("create extension if not exists pg_trgm");
            System.out.println("  show_trgm('上海华鑫科技') = " + single(statement, "select show_trgm('上海华鑫科技')"));
            statement.execute("create temporary table trgm_sample on commit drop as"
                    + " select title from contract order by id limit 20000");
            statement.execute("create index on trgm_sample using gin (title gin_trgm_ops)");
            statement.execute("analyze trgm_sample");
            statement.execute("set local enable_seqscan = off");
            for (String text : List.of("数控机床", "科技", "鑫")) {
                System.out.println("  EXPLAIN ANALYZE ... where title like '%" + text + "%' (trigram index, 20,000 rows):");
                try (ResultSet plan = statement.executeQuery("explain (analyze, costs off, timing off, summary off)"
                        + " select count(*) from trgm_sample where title like '%" + text + "%'")) {
                    while (plan.next()) {
                        System.out.println("    " + plan.getString(1));
                    }
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private interface Column<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> List<T> column(Connection connection, String sql, Column<T> column) throws SQLException {
        List<T> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(column.read(rows));
            }
        }
        return values;
    }

    private static void report(int contracts, int mixSize, int rounds, int naiveRounds,
                               Map<String, List<Double>> api, Map<String, List<Double>> naive) {
        System.out.printf("%nGET /api/contracts on %,d contracts: %d requests (%d kinds x %d rounds) over HTTP, one"
                + " thread; naive plan %d rounds over JDBC%n", contracts, mixSize * rounds, api.size(), rounds,
                naiveRounds);
        System.out.printf("%-28s %9s %9s %9s | %11s %11s | %7s%n", "request", "p50 ms", "p95 ms", "max ms",
                "naive p50", "naive p95", "p95 x");
        for (String kind : api.keySet()) {
            double[] fast = values(api.get(kind));
            double[] slow = values(naive.get(kind));
            System.out.printf("%-28s %9.1f %9.1f %9.1f | %11.1f %11.1f | %7.0f%n", kind, percentile(fast, 50),
                    percentile(fast, 95), percentile(fast, 100), percentile(slow, 50), percentile(slow, 95),
                    percentile(slow, 95) / percentile(fast, 95));
        }
        double[] all = values(api.values().stream().flatMap(List::stream).toList());
        double[] allNaive = values(naive.values().stream().flatMap(List::stream).toList());
        System.out.printf("All requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (target p95 < 100 ms)%n",
                percentile(all, 50), percentile(all, 95), percentile(all, 99));
        System.out.printf("Naive plan:   p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", percentile(allNaive, 50),
                percentile(allNaive, 95), percentile(allNaive, 99));
        System.out.printf("Ratio naive / indexed: p50 %.0fx, p95 %.0fx, p99 %.0fx%n",
                percentile(allNaive, 50) / percentile(all, 50), percentile(allNaive, 95) / percentile(all, 95),
                percentile(allNaive, 99) / percentile(all, 99));
        System.out.println(Bench.uptime());
    }

    private static double[] values(List<Double> times) {
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1))];
    }

    static final class Http {
        private final HttpClient client = HttpClient.newHttpClient();
        private final int port;
        private final ObjectMapper json;

        Http(int port, ObjectMapper json) {
            this.port = port;
            this.json = json;
        }

        String get(String user, String path) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
            return response.body();
        }

        JsonNode json(String user, String path) throws Exception {
            return json.readTree(get(user, path));
        }
    }
}
