package dev.pactum.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The workspace pages' server time (request to the last byte of the rendered page, over loopback HTTP with HTTP
 * Basic) with {@code -Dbench.contracts} contracts (10,000 by default, made by {@link ScaleData}): home, contract
 * list, a contract's page, customers, dashboard, reports; then the dashboard alone with
 * {@code -Dbench.dashboard-contracts} (100,000 by default) on a second database. Prints p50/p95 per page.
 * Run: {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=dev.pactum.bench.PageBenchmark}
 * (options: -Dbench.contracts=10000 -Dbench.dashboard-contracts=100000 -Dbench.rounds=30).
 */
public final class PageBenchmark {

    private PageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int contracts = Integer.getInteger("bench.contracts", 10_000);
        int dashboardContracts = Integer.getInteger("bench.dashboard-contracts", 100_000);
        int rounds = Integer.getInteger("bench.rounds", 30);
        Map<String, double[]> pages;
        try (ConfigurableApplicationContext context = ScaleData.start(contracts)) {
            DataSource dataSource = context.getBean(DataSource.class);
            System.out.println(ScaleData.ensure(dataSource, contracts));
            pages = measure(context, pages(dataSource), rounds);
        }
        Map<String, double[]> dashboard;
        try (ConfigurableApplicationContext context = ScaleData.start(dashboardContracts)) {
            System.out.println(ScaleData.ensure(context.getBean(DataSource.class), dashboardContracts));
            Map<String, String> only = new LinkedHashMap<>();
            only.put("dashboard (manager: all contracts)", "manager1 /dashboard");
            only.put("dashboard (sales: own contracts)", "sales1 /dashboard");
            dashboard = measure(context, only, Math.max(10, rounds / 3));
        }
        System.out.printf("%nWorkspace pages with %,d contracts, %d requests each, one thread%n", contracts, rounds);
        print(pages);
        System.out.printf("Dashboard with %,d contracts%n", dashboardContracts);
        print(dashboard);
        System.out.println(Bench.uptime());
    }

    /** Page name → "user path". Managers see every contract, so theirs are the heaviest pages. */
    private static Map<String, String> pages(DataSource dataSource) throws SQLException {
        Map<String, String> pages = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long demoContract = single(statement, "select min(id) from contract");
            long generatedContract = single(statement, "select max(id) from contract");
            long customer = single(statement, "select customer_id from contract where id = " + generatedContract);
            long report = single(statement, "select min(id) from saved_report");
            pages.put("home (sales)", "sales1 /home");
            pages.put("contracts list (manager)", "manager1 /contracts");
            pages.put("contracts list, q=科技 (manager)", "manager1 /contracts?q=%E7%A7%91%E6%8A%80");
            pages.put("contracts list (sales)", "sales1 /contracts");
            pages.put("contract page (demo, with documents)", "manager1 /contracts/" + demoContract);
            pages.put("contract page (generated)", "manager1 /contracts/" + generatedContract);
            pages.put("customers", "manager1 /customers");
            pages.put("customer page", "manager1 /customers/" + customer);
            pages.put("dashboard (manager)", "manager1 /dashboard");
            pages.put("dashboard (sales)", "sales1 /dashboard");
            pages.put("reports", "manager1 /reports");
            pages.put("report 按客户分类的合同金额统计", "manager1 /reports/" + report);
        }
        return pages;
    }

    private static Map<String, double[]> measure(ConfigurableApplicationContext context, Map<String, String> pages,
                                                 int rounds) throws Exception {
        SearchBenchmark.Http http = new SearchBenchmark.Http(
                Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
                context.getBean(ObjectMapper.class));
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            for (String page : pages.values()) {
                http.get(page.split(" ")[0], page.split(" ")[1]);
            }
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String[] userAndPath = page.getValue().split(" ");
                long started = System.nanoTime();
                http.get(userAndPath[0], userAndPath[1]);
                times.computeIfAbsent(page.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - started) / 1e6);
            }
        }
        Map<String, double[]> sorted = new LinkedHashMap<>();
        times.forEach((page, values) -> {
            double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(array);
            sorted.put(page, array);
        });
        return sorted;
    }

    private static void print(Map<String, double[]> pages) {
        System.out.printf("  %-40s %8s %8s %8s%n", "page", "p50 ms", "p95 ms", "max ms");
        pages.forEach((page, times) -> System.out.printf("  %-40s %8.1f %8.1f %8.1f%n", page,
                percentile(times, 50), percentile(times, 95), times[times.length - 1]));
    }

    private static double percentile(double[] sorted, int percentile) {
        return sorted[Math.max(0, Math.min(sorted.length - 1,
                (int) Math.ceil(percentile / 100.0 * sorted.length) - 1))];
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
