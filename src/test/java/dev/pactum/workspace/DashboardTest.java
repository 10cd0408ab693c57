package dev.pactum.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.Customer;
import dev.pactum.contract.TestContracts;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard's numbers against SQL written here independently, for a sales user and for a manager. */
@PactumTest
class DashboardTest {

    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"dashboard-data\">(.*?)</script>", Pattern.DOTALL);

    static Chromium browser;

    @Autowired ApiClient api;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestContracts testContracts;
    @Autowired ContractService contracts;
    @Autowired TaskService tasks;

    @BeforeAll
    static void startBrowser(@Value("${local.server.port}") int port) {
        browser = Chromium.start(port);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theDashboardShowsWhatSqlCountsAndASalesUserOnlyTheirOwn() throws Exception {
        String theirCustomer = "别人的大客户" + System.nanoTime() + "有限公司";
        contracts.draft(testContracts.request(testContracts.customer(theirCustomer), "99000000", 30), "sales2", null);
        Contract approved = contracts.submit(testContracts.draft("sales1", "220000"), "sales1");
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(approved.getNumber()).singleResult();
        tasks.claim(task.getId(), "manager2");
        tasks.complete(task.getId(), Map.of("decision", "approve"));
        contracts.submit(testContracts.draft("sales1", "110000"), "sales1");
        assertThat(jdbc.queryForObject("select count(*) from contract where currency <> 'CNY'", Long.class))
                .as("amounts below are compared in CNY").isZero();

        JsonNode sales1 = numbers("sales1");
        assertThat(counts(sales1.get("byStatus"))).isEqualTo(sqlCounts("status", "where owner = 'sales1'"));
        assertThat(counts(sales1.get("byType"))).isEqualTo(sqlCounts("type", "where owner = 'sales1'"));
        assertThat(total(sales1.get("byStatus"))).isEqualByComparingTo(
                jdbc.queryForObject("select sum(amount) from contract where owner = 'sales1'", BigDecimal.class));
        long sales1ThisYear = sum(sales1.get("byMonth"));
        assertThat(sales1ThisYear).isEqualTo(jdbc.queryForObject("""
                select count(*) from contract where owner = 'sales1' and created_at >= date_trunc('month',
                (now() at time zone 'Asia/Shanghai') - interval '11 month') at time zone 'Asia/Shanghai'
                and created_at < date_trunc('month', (now() at time zone 'Asia/Shanghai') + interval '1 month')
                at time zone 'Asia/Shanghai'""", Long.class));
        assertThat(sales1.get("topCustomers").findValuesAsText("key")).doesNotContain(theirCustomer);

        JsonNode manager = numbers("manager1");
        assertThat(counts(manager.get("byStatus"))).isEqualTo(sqlCounts("status", ""));
        assertThat(sum(manager.get("byStatus"))).isGreaterThan(sum(sales1.get("byStatus")));
        assertThat(manager.get("topCustomers").findValuesAsText("key")).contains(theirCustomer);

        Map<String, List<Long>> durations = new HashMap<>();
        jdbc.query("""
                select d.decided_by, t.duration_ from approval_decision d join act_hi_taskinst t on t.id_ = d.task_id
                where t.duration_ is not null""", rs -> {
            durations.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
        assertThat(durations).containsKey("manager2");
        for (JsonNode approver : manager.get("cycleByApprover")) {
            List<Long> mine = durations.get(approver.get("key").asText());
            assertThat(approver.get("decisions").asLong()).isEqualTo(mine.size());
            assertThat(approver.get("p50Hours").asDouble()).isCloseTo(percentile(mine, 0.5) / 3_600_000.0, within(1e-6));
            assertThat(approver.get("p90Hours").asDouble()).isCloseTo(percentile(mine, 0.9) / 3_600_000.0, within(1e-6));
        }
        assertThat(manager.get("cycleByApprover").size()).isEqualTo(durations.size());

        long waitingAtLevel1 = jdbc.queryForObject(
                "select count(*) from approval_level where state = 'ACTIVE' and level = 1", Long.class);
        assertThat(manager.get("bottlenecks").findValues("contracts").stream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(jdbc.queryForObject("select count(*) from approval_level where state = 'ACTIVE'", Long.class));
        assertThat(waitingAtLevel1).isPositive();

        HttpResponse<String> csv = api.send(api.request("sales1", "GET", "/dashboard/byStatus.csv", null, "zh-CN"),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF项目,合同数,金额（折合人民币）\r\n")
                .contains("草稿," + sqlCounts("status", "where owner = 'sales1'").get("DRAFT") + ",");

        browser.logIn("manager1");
        browser.open("/dashboard");
        browser.waitUntil(d -> d.findElements(By.cssSelector("[data-chart][data-drawn=true] canvas"))
                .size() == 7);
        assertThat(browser.text("#bottleneck")).startsWith("最大瓶颈：第 1 级");
        browser.screenshot("dashboard-manager1");
        browser.logIn("sales1");
        browser.open("/dashboard");
        browser.waitFor("[data-chart=byStatus][data-drawn=true] canvas");
        browser.screenshot("dashboard-sales1");
    }

    @Test
    void everyContractChartEqualsItsSqlBucketForBucketInOrder() throws Exception {
        String customer = "三个月前的客户" + System.nanoTime() + "有限公司";
        Customer theirs = testContracts.customer(customer);
        Contract threeMonthsAgo = contracts.draft(testContracts.request(theirs, "4300000", 30), "sales1", null)
                .contract();
        Contract lastYear = contracts.draft(testContracts.request(theirs, "1700", 30),
                "sales1", null).contract();
        contracts.submit(testContracts.draft("sales2", "880000"), "sales2");
        for (int more = 1; more <= 11; more++) {
            contracts.draft(testContracts.request(testContracts.customer("第" + more + "家客户" + System.nanoTime()),
                    Integer.toString(5_000 * more), 30), "sales1", null);
        }
        jdbc.update("update contract set created_at = now() - interval '3 month' where id = ?", threeMonthsAgo.getId());
        jdbc.update("update contract set created_at = now() - interval '13 month' where id = ?", lastYear.getId());
        assertThat(jdbc.queryForObject("select count(*) from contract where currency <> 'CNY'", Long.class))
                .as("amounts below are compared in CNY").isZero();

        for (String user : List.of("sales1", "manager1")) {
            String where = user.equals("sales1") ? "where c.owner = 'sales1'" : "";
            JsonNode numbers = numbers(user);
            assertThat(rows(numbers.get("byType"))).as(user + " byType").containsExactlyElementsOf(sqlRows(
                    "select c.type, count(*), sum(c.amount) from contract c " + where + " group by 1 order by 2 desc, 1"));
            assertThat(rows(numbers.get("byStatus"))).as(user + " byStatus").containsExactlyElementsOf(sqlRows(
                    "select c.status, count(*), sum(c.amount) from contract c " + where
                            + " group by 1 order by 2 desc, 1"));
            assertThat(rows(numbers.get("topCustomers"))).as(user + " topCustomers").containsExactlyElementsOf(sqlRows(
                    "select cu.name, count(*), sum(c.amount) from contract c join customer cu on cu.id = c.customer_id "
                            + where + " group by cu.id, cu.name order by 3 desc, 2 desc, 1 limit 10"));
            Map<String, String> madeIn = new HashMap<>();
            sqlRows("select to_char(c.created_at at time zone 'Asia/Shanghai', 'YYYY-MM'), count(*), sum(c.amount)"
                    + " from contract c " + where + " group by 1").forEach(row -> madeIn.put(row.split("\\|")[0], row));
            YearMonth thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai"));
            List<String> months = new ArrayList<>();
            for (int back = 11; back >= 0; back--) {
                String month = thisMonth.minusMonths(back).toString();
                months.add(madeIn.getOrDefault(month, month + "|0|0"));
            }
            assertThat(rows(numbers.get("byMonth"))).as(user + " byMonth").containsExactlyElementsOf(months);
            assertThat(rows(numbers.get("byMonth"))).as("the contract made three months ago")
                    .contains(madeIn.get(thisMonth.minusMonths(3).toString()));
        }
        assertThat(rows(numbers("sales1").get("topCustomers"))).as("ten of more than ten customers")
                .hasSize(10).contains(customer + "|2|4301700");
    }

    /** key|count|amount with the amount's trailing zeros stripped, as the page's JSON has them. */
    private static List<String> rows(JsonNode buckets) {
        List<String> rows = new ArrayList<>();
        buckets.forEach(b -> rows.add(b.get("key").asText() + "|" + b.get("count").asLong() + "|"
                + b.get("amountCny").decimalValue().stripTrailingZeros().toPlainString()));
        return rows;
    }

    private List<String> sqlRows(String sql) {
        return jdbc.query(sql, (rs, i) -> rs.getString(1) + "|" + rs.getLong(2) + "|"
                + rs.getBigDecimal(3).stripTrailingZeros().toPlainString());
    }

    private JsonNode numbers(String user) throws Exception {
        HttpResponse<String> page = api.send(api.request(user, "GET", "/dashboard", null, "zh-CN"),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher matcher = DATA.matcher(page.body());
        assertThat(matcher.find()).isTrue();
        return json.readTree(matcher.group(1));
    }

    private Map<String, Long> sqlCounts(String column, String where) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select " + column + ", count(*) from contract " + where + " group by " + column,
                rs -> { counts.put(rs.getString(1), rs.getLong(2)); });
        return counts;
    }

    private static Map<String, Long> counts(JsonNode buckets) {
        Map<String, Long> counts = new HashMap<>();
        buckets.forEach(b -> counts.put(b.get("key").asText(), b.get("count").asLong()));
        return counts;
    }

    private static long sum(JsonNode buckets) {
        long sum = 0;
        for (JsonNode b : buckets) {
            sum += b.get("count").asLong();
        }
        return sum;
    }

    private static BigDecimal total(JsonNode buckets) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode b : buckets) {
            total = total.add(b.get("amountCny").decimalValue());
        }
        return total;
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the two closest ranks. */
    private static double percentile(List<Long> values, double fraction) {
        List<Long> sorted = values.stream().sorted().toList();
        double position = fraction * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
    }
}
