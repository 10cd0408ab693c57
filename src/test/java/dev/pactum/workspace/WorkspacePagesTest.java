package dev.pactum.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.Customer;
import dev.pactum.contract.NewContract;
import dev.pactum.contract.TestContracts;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The workspace pages in a real browser (Debian's Chromium, headless), as the demo users, on the real database. */
@PactumTest
class WorkspacePagesTest {

    static Chromium browser;

    @Autowired ApiClient api;
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
    void aSalespersonDraftsAndSubmitsThroughTheFormAndFollowsTheApprovalOnTheContractPage() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Customer customer = testContracts.customer("页面测试客户" + unique + "有限公司");
        browser.logIn("sales1");
        browser.open("/contracts/new");
        assertThat(browser.text("h1")).isEqualTo("新建合同");

        // Nothing filled in: every field error at once, in Chinese, beside its field.
        browser.find("#amount").clear();
        browser.find("#submit-new").click();
        browser.waitFor("[data-error-for='title']");
        assertThat(browser.text("[data-error-for='title']")).isEqualTo("不能为空");
        assertThat(browser.text("[data-error-for='customerId']")).isEqualTo("不能为空");
        assertThat(browser.text("[data-error-for='amount']")).isEqualTo("不能为空");
        assertThat(browser.find("#title").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.path()).isEqualTo("/contracts/new");
        browser.screenshot("new-contract-errors");

        // Search the customer as you type (Chinese), pick it, fill the rest, submit.
        browser.find("#customerSearch").sendKeys("页面测试客户" + unique);
        browser.click("#customer-options .suggestion");
        browser.find("#title").sendKeys("页面起草的销售合同 " + unique);
        browser.find("#amount").sendKeys("120000");
        browser.find("#liabilityCap").sendKeys("120000");
        browser.find("#submit-new").click();
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/contracts/\\d+$"));
        long id = Long.parseLong(browser.path().substring("/contracts/".length()));

        assertThat(browser.text(".titlebar")).contains("页面起草的销售合同 " + unique).contains("审批中");
        assertThat(browser.text("#timeline")).contains("第 1 级", "或签", "sales-managers", "待 sales-managers 处理");
        assertThat(browser.text("#risk")).contains("分");
        assertThat(browser.find("iframe.pdf").getAttribute("src")).endsWith("/api/contracts/" + id + "/document");
        browser.screenshot("contract-in-approval");

        // manager1 approves with a comment; the timeline shows who decided what.
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(contractNumber()).singleResult();
        tasks.claim(task.getId(), "manager1");
        tasks.complete(task.getId(), Map.of("decision", "approve", "comment", "价格合理，同意"));
        browser.open("/contracts/" + id);
        assertThat(browser.text(".titlebar")).contains("签署中");
        assertThat(browser.text("#timeline")).contains("manager1", "同意", "价格合理，同意", "已同意");
        browser.screenshot("contract-active");
    }

    private String contractNumber() {
        return browser.text(".titlebar h1 span");
    }

    @Test
    void homeListsMyDraftsAndTheApprovalsWaitingForMeWithLinksIntoTasklist() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Contract draft = draft("sales1", "首页草稿 " + unique, "88000");
        Contract submitted = contracts.submit(draft("sales1", "首页待审批 " + unique, "99000"), "sales1");

        browser.logIn("sales1");
        browser.open("/home");
        assertThat(browser.text("#drafts")).contains(draft.getNumber());
        assertThat(browser.text("#waiting")).contains(submitted.getNumber(), "待 sales-managers 处理");
        browser.screenshot("home-sales1");

        browser.logIn("manager1");
        browser.open("/home");
        WebElement link = browser.find("#my-approvals").findElements(By.cssSelector("li")).stream()
                .filter(li -> li.getText().contains(submitted.getNumber())).findFirst().orElseThrow()
                .findElement(By.cssSelector("a.task-link"));
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(submitted.getNumber()).singleResult();
        assertThat(link.getAttribute("href")).endsWith("/camunda/app/tasklist/default/#/?task=" + task.getId());
        browser.screenshot("home-manager1");
    }

    @Test
    void theContractListFiltersSearchesInChineseSortsAndSwitchesToEnglish() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        draft("sales1", "列表筛选甲 " + unique, "150000");
        draft("sales1", "列表筛选乙 " + unique, "250000");
        draft("sales1", "列表筛选丙 " + unique, "350000");

        browser.logIn("sales1");
        browser.open("/contracts");
        browser.find("input[name=q]").sendKeys("列表筛选甲 " + unique);
        browser.find(".filters button[type=submit]").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("q="));
        assertThat(rows()).hasSize(1).first().asString().contains("列表筛选甲");

        browser.open("/contracts?q=" + unique + "&minAmount=200000&sort=amount&dir=desc");
        assertThat(rows()).hasSize(2);
        assertThat(rows().get(0)).contains("列表筛选丙");
        assertThat(rows().get(1)).contains("列表筛选乙");
        assertThat(browser.text("#result-count")).isEqualTo("共 2 份合同");
        browser.screenshot("contracts");

        browser.find("a[lang=en]").click();
        browser.waitUntil(d -> d.findElement(By.cssSelector("#result-count")).getText().equals("2 contracts"));
        assertThat(browser.path()).startsWith("/contracts?q=" + unique);
        browser.open("/home");
        assertThat(browser.text("h1")).isEqualTo("Home");
        browser.screenshot("home-english");
        browser.find("a[lang=zh-CN]").click();
        browser.waitUntil(d -> d.findElement(By.cssSelector("h1")).getText().equals("我的工作台"));

        browser.resize(360, 800);
        browser.open("/contracts?q=" + unique);
        long overflow = (Long) browser.driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("no sideways scrolling of the page on a phone").isLessThanOrEqualTo(0);
        browser.screenshot("contracts-phone");
        browser.resize(1280, 1000);
    }

    @Test
    void aSalespersonNeverSeesAnotherOwnersContractOnPagesInListsOrExports() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Contract theirs = draft("sales2", "别人的合同 " + unique, "500000");
        Contract mine = draft("sales1", "自己的合同 " + unique, "400000");

        HttpResponse<String> page = page("sales1", "/contracts/" + theirs.getId());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("未找到").doesNotContain("别人的合同");
        assertThat(page("sales1", "/contracts/" + mine.getId()).statusCode()).isEqualTo(200);
        assertThat(page("manager1", "/contracts/" + theirs.getId()).statusCode()).isEqualTo(200);

        assertThat(page("sales1", "/contracts?q=" + unique).body()).contains(mine.getNumber())
                .doesNotContain(theirs.getNumber());
        assertThat(page("sales1", "/customers/" + theirs.getCustomer().getId()).body())
                .doesNotContain(theirs.getNumber());
        assertThat(csvRows("sales1", "/contracts/export.csv?q=" + unique, StandardCharsets.UTF_8))
                .extracting(row -> row.get(0)).containsExactly(mine.getNumber());
        assertThat(xlsxRows("sales1", "/contracts/export.xlsx?q=" + unique)).extracting(row -> row.get(0))
                .containsExactly(mine.getNumber());
        assertThat(xlsxRows("manager1", "/contracts/export.xlsx?q=" + unique)).extracting(row -> row.get(0))
                .containsExactlyInAnyOrder(mine.getNumber(), theirs.getNumber());

        browser.logIn("sales1");
        browser.open("/contracts/" + theirs.getId());
        assertThat(browser.text("h1")).isEqualTo("未找到");
        browser.screenshot("contract-not-found");
    }

    @Test
    void exportsOpenWithPoiAndAGbkDecoderAndHoldTheFilteredRows() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Contract cheap = draft("sales1", "导出测试，含逗号 \"引号\" " + unique, "1234.50");
        Contract dear = draft("sales1", "导出测试贵 " + unique, "7654321.00");
        String query = "q=" + unique + "&sort=amount&dir=asc";

        List<List<String>> xlsx = xlsxRows("sales1", "/contracts/export.xlsx?" + query);
        assertThat(xlsx).hasSize(2);
        assertThat(xlsx.get(0)).containsSubsequence(cheap.getNumber(), "导出测试，含逗号 \"引号\" " + unique, "销售合同",
                "草稿", cheap.getCustomer().getName(), "sales1", "1234.5", "CNY");
        assertThat(xlsx.get(1).get(0)).isEqualTo(dear.getNumber());
        assertThat(xlsx.get(1).get(6)).isEqualTo("7654321.0");

        byte[] utf8 = bytes("sales1", "/contracts/export.csv?" + query);
        assertThat(utf8).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> fromUtf8 = csvRows("sales1", "/contracts/export.csv?" + query, StandardCharsets.UTF_8);
        List<List<String>> fromGbk = csvRows("sales1", "/contracts/export.csv?charset=gbk&" + query,
                Charset.forName("GBK"));
        assertThat(fromGbk).isEqualTo(fromUtf8).hasSize(2);
        assertThat(fromGbk.get(0)).containsSubsequence(cheap.getNumber(), "导出测试，含逗号 \"引号\" " + unique,
                "销售合同", "草稿");
        assertThat(fromGbk.get(0).get(6)).isEqualTo("1234.50");
        assertThat(fromGbk.get(1).get(6)).isEqualTo("7654321.00");
    }

    private List<String> rows() {
        return browser.driver.findElements(By.cssSelector("#contracts tbody tr")).stream().map(WebElement::getText)
                .filter(text -> !text.startsWith("没有")).toList();
    }

    private Contract draft(String owner, String title, String amount) {
        NewContract request = testContracts.request(testContracts.customer("页面测试客户有限公司"), amount, 30);
        return contracts.draft(new NewContract(request.templateKey(), request.customerId(), title, request.type(),
                request.amount(), request.currency(), request.startDate(), request.endDate(),
                request.paymentTermDays(), request.fields(), request.terms(), request.clauses(), request.milestones()),
                owner, null)
                .contract();
    }

    private HttpResponse<String> page(String user, String path) throws Exception {
        return api.send(api.request(user, "GET", path, null, "zh-CN").header("Accept", "text/html"),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private byte[] bytes(String user, String path) throws Exception {
        HttpResponse<byte[]> response = api.send(api.request(user, "GET", path, null, "zh-CN"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The data rows (header dropped), every cell as text. */
    private List<List<String>> xlsxRows(String user, String path) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes(user, path)))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("合同编号");
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(switch (cell.getCellType()) {
                    case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                    default -> cell.getStringCellValue();
                }));
                rows.add(cells);
            }
            return rows;
        }
    }

    /** The data rows of an RFC 4180 CSV (header dropped). */
    private List<List<String>> csvRows(String user, String path, Charset charset) throws Exception {
        String text = new String(bytes(user, path), charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        assertThat(rows.get(0).get(0)).isEqualTo("合同编号");
        return rows.subList(1, rows.size());
    }
}
