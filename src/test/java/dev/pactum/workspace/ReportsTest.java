package dev.pactum.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.contract.TestContracts;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** Custom reports: the two shipped examples against SQL, building, saving and sharing one in the browser. */
@PactumTest
class ReportsTest {

    static Chromium browser;

    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired TestContracts testContracts;

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
    void theExampleReportsAddUpLikeSqlForEachReader() throws Exception {
        testContracts.draft("sales2", "456000");
        testContracts.draft("sales1", "123000");
        long byCustomer = jdbc.queryForObject("select id from saved_report where name = '按客户分类的合同金额统计'",
                Long.class);
        long byMonth = jdbc.queryForObject("select id from saved_report where name = '按时间区间的合同签订数量'",
                Long.class);

        assertThat(reportRows("manager1", byCustomer)).isEqualTo(sql("""
                select cu.name, count(*), sum(c.amount) from contract c join customer cu on cu.id = c.customer_id
                group by cu.name"""));
        assertThat(reportRows("sales1", byCustomer)).isEqualTo(sql("""
                select cu.name, count(*), sum(c.amount) from contract c join customer cu on cu.id = c.customer_id
                where c.owner = 'sales1' group by cu.name"""));
        assertThat(reportRows("manager1", byMonth)).isEqualTo(sql("""
                select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM'), count(*), count(*) from contract
                where status = 'ACTIVE' group by 1"""));
    }

    @Test
    void aUserBuildsSavesAndSharesAReportWithTheirGroup() {
        String name = "按类型的金额 " + UUID.randomUUID().toString().substring(0, 6);
        browser.logIn("manager1");
        browser.open("/reports");
        assertThat(browser.text("#reports")).contains("按客户分类的合同金额统计", "按时间区间的合同签订数量");
        browser.screenshot("reports");
        browser.find("#new-report").click();
        new Select(browser.find("select[name=dimension]")).selectByValue("type");
        new Select(browser.find("select[name=measure]")).selectByValue("sumAmount");
        new Select(browser.find("select[name=chart]")).selectByValue("pie");
        browser.find("#report-builder button[type=submit]").click();
        browser.waitFor("#report-chart[data-drawn=true] canvas");
        browser.find("#save-report input[name=name]").sendKeys(name);
        new Select(browser.find("#save-report select[name=sharedWith]")).selectByValue("sales-managers");
        browser.find("#save-report button[type=submit]").click();
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/reports/\\d+$"));
        String path = browser.path();
        assertThat(browser.text("h1")).isEqualTo(name);
        assertThat(browser.driver.findElements(By.cssSelector("#report-table tbody tr"))).isNotEmpty();
        browser.waitFor("#report-chart[data-drawn=true] canvas");
        browser.screenshot("report-saved");

        browser.logIn("manager2");
        browser.open(path);
        assertThat(browser.text("h1")).isEqualTo(name);
        browser.logIn("sales1");
        browser.open(path);
        assertThat(browser.text("h1")).isEqualTo("未找到");
    }

    private Map<String, String> reportRows(String user, long reportId) throws Exception {
        String query = jdbc.queryForObject("select definition::text from saved_report where id = ?", String.class,
                reportId);
        Map<String, Object> definition = json.readValue(query, Map.class);
        StringBuilder params = new StringBuilder();
        definition.forEach((k, v) -> params.append(k).append('=')
                .append(URLEncoder.encode(v.toString(), StandardCharsets.UTF_8)).append('&'));
        HttpResponse<byte[]> response = api.send(api.request(user, "GET", "/reports/export.xlsx?" + params, null,
                "zh-CN"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> rows = new HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    rows.put(row.getCell(0).getStringCellValue(), (long) row.getCell(1).getNumericCellValue() + " "
                            + BigDecimal.valueOf(row.getCell(2).getNumericCellValue()).stripTrailingZeros()
                            .toPlainString());
                }
            }
        }
        return rows;
    }

    private Map<String, String> sql(String query) {
        Map<String, String> rows = new HashMap<>();
        jdbc.query(query, rs -> {
            rows.put(rs.getString(1), rs.getLong(2) + " " + rs.getBigDecimal(3).stripTrailingZeros().toPlainString());
        });
        return rows;
    }
}
