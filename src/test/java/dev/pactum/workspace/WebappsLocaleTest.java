package dev.pactum.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.PactumTest;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.TestContracts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Camunda's webapps as part of Pactum, in a real browser (Debian's Chromium, headless, Chinese first): Tasklist,
 * Cockpit and Admin in Chinese with Pactum's name and logo, no "migrate to Camunda 8" strip, English for an English
 * browser, and Pactum's page instead of Tomcat's for an approver who opens Cockpit.
 */
@PactumTest
class WebappsLocaleTest {

    static final String TASKLIST = "/camunda/app/tasklist/default/";
    static final String COCKPIT = "/camunda/app/cockpit/default/";
    static final String ADMIN = "/camunda/app/admin/default/";

    static Chromium browser;

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
    void tasklistSpeaksChineseUnderPactumsNameWithoutTheMigrationBanner() {
        browser.logIn("manager1");
        browser.open(TASKLIST);
        waitForHeader();

        assertThat(browser.text("[cam-widget-header] .brand-name")).isEqualTo("Pactum 合同管理 待办任务 Tasklist");
        assertThat(browser.driver.getTitle()).startsWith("Pactum 合同管理 待办任务 Tasklist");
        // Labels from locales/zh.json: the header's "start process" action and the empty task pane.
        browser.waitUntil(d -> body().contains("发起流程"));
        browser.waitUntil(d -> body().contains("请在列表中选择一个任务"));
        assertThat(body()).doesNotContain("Start process", "Select a task in the list", "Camunda 8", "migrate");
        assertNoMigrationBanner();
        // Pactum's logo replaces Camunda's (styles/user-styles.css).
        assertThat(browser.find("[cam-widget-header] .brand-logo").getCssValue("background-image"))
                .contains("/images/pactum-logo.svg");
        browser.screenshot("webapps-tasklist-zh-manager1");

        // A contract waiting for sales-managers, opened at its task: the task pane's actions and tabs in Chinese.
        Contract contract = contracts.submit(testContracts.draft("sales1", "88000"), "sales1");
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(contract.getNumber()).singleResult();
        browser.open(TASKLIST + "#/?task=" + task.getId());
        browser.waitUntil(d -> body().contains("认领"));
        assertThat(body()).contains("表单", "历史", "流程图", "描述", "设置跟进日期", "添加评论")
                .doesNotContain("Claim", "Set follow-up date", "Diagram");
        assertNoMigrationBanner();
        browser.screenshot("webapps-tasklist-task-zh-manager1");
    }

    @Test
    void cockpitAndAdminSpeakChineseForAnAdmin() {
        browser.logIn("admin");
        browser.open(COCKPIT);
        waitForHeader();
        assertThat(browser.driver.getTitle()).startsWith("Pactum 合同管理 流程监控 Cockpit");
        // The dashboard's sections and the navigation.
        browser.waitUntil(d -> body().contains("运行中的流程实例"));
        assertThat(body()).contains("流程", "决策", "人工任务", "部署")
                .doesNotContain("Running Process Instances", "Human Tasks", "Camunda 8", "migrate");
        assertNoMigrationBanner();
        browser.screenshot("webapps-cockpit-zh-admin");

        browser.open(COCKPIT + "#/processes");
        browser.waitUntil(d -> body().contains("个流程定义已部署"));
        browser.waitUntil(d -> body().contains("合同生命周期"));
        assertThat(body()).contains("运行中的实例", "列表", "预览").doesNotContain("Running Instances");
        browser.screenshot("webapps-cockpit-processes-zh-admin");

        browser.open(ADMIN + "#/users");
        waitForHeader();
        assertThat(browser.driver.getTitle()).startsWith("Pactum 合同管理 用户与权限 Admin");
        browser.waitUntil(d -> body().contains("用户列表"));
        assertThat(body()).contains("添加用户", "用户组", "租户", "授权").doesNotContain("List of Users", "Camunda 8", "migrate");
        assertNoMigrationBanner();
        browser.screenshot("webapps-admin-users-zh-admin");

        // "My profile" leads to Camunda's Welcome app: Chinese too, with Pactum's own pages among its links.
        browser.open("/camunda/app/welcome/default/");
        waitForHeader();
        browser.waitUntil(d -> body().contains("我的工作台 Workspace"));
        assertThat(body()).contains("应用", "链接", "资料", "编辑资料", "修改密码").doesNotContain("Applications", "Camunda 8");
        assertNoMigrationBanner();
        browser.screenshot("webapps-welcome-zh-admin");
    }

    @Test
    void anApproverOpeningCockpitGetsPactumsPageNotTomcats() {
        browser.logIn("manager1");
        browser.open(COCKPIT);
        browser.waitFor("#access-denied");
        assertThat(browser.driver.getTitle()).startsWith("没有访问权限");
        assertThat(browser.text("#access-denied h1")).contains("没有访问权限", "Access denied");
        assertThat(body()).doesNotContain("HTTP Status 403", "Apache Tomcat");
        // Pactum's stylesheet, so the page looks like the workspace.
        assertThat(browser.find("header.top").getCssValue("background-color")).isEqualTo("rgba(31, 58, 95, 1)");
        assertThat(browser.find("#access-denied a.primary").getAttribute("href")).endsWith("/home");
        browser.screenshot("webapps-cockpit-403-manager1");
    }

    @Test
    void anEnglishBrowserGetsCamundasEnglishStillWithoutTheMigrationBanner(@Value("${local.server.port}") int port) {
        // A browser of its own whose language is English from the start (fresh profile: nothing cached in Chinese).
        try (Chromium english = Chromium.start(port)) {
            String userAgent = (String) english.driver.executeScript("return navigator.userAgent");
            english.driver.executeCdpCommand("Network.setUserAgentOverride",
                    Map.of("userAgent", userAgent, "acceptLanguage", "en-US,en"));
            english.logIn("manager1");
            english.open(TASKLIST);
            english.waitFor("[cam-widget-header] .brand-name");
            english.waitUntil(d -> text(english).contains("Start process"));
            english.waitUntil(d -> text(english).contains("Select a task in the list"));
            assertThat(text(english)).doesNotContain("发起流程", "请在列表中选择一个任务", "Camunda 8");
            assertThat(english.driver.findElements(By.cssSelector(".ce-eol-banner")))
                    .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
            english.screenshot("webapps-tasklist-en-manager1");
        }
    }

    /**
     * Every label of Camunda's English file (the one in the webjar on the classpath, so a Camunda upgrade that adds
     * labels fails here) has a Chinese one, keeping its {{placeholders}}; only the migration strip's text is empty
     * (and the plural ending "s").
     */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishLabelOfTheWebjarHasAChineseOne(String app) throws IOException {
        String locales = "META-INF/resources/webjars/camunda/app/" + app + "/locales/";
        JsonNode english = labels(locales + "en.json");
        JsonNode chinese = labels(locales + "zh.json");
        assertThat(new TreeSet<>(names(chinese))).isEqualTo(new TreeSet<>(names(english)));
        for (String key : names(english)) {
            String zh = chinese.get(key).asText();
            assertThat(placeholders(zh)).as(key).isEqualTo(placeholders(english.get(key).asText()));
            if (key.equals("BANNER_CE_EOL_TEXT")) {
                assertThat(zh).isEmpty();
            } else if (!english.get(key).asText().isBlank() && !english.get(key).asText().equals("s")) {
                // ("s" is an English plural ending the webapps append; Chinese has none.)
                assertThat(zh).as(key).isNotBlank();
            }
        }
    }

    private static JsonNode labels(String resource) throws IOException {
        try (InputStream in = WebappsLocaleTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            byte[] bytes = in.readAllBytes();
            int bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef ? 3 : 0; // Camunda's en.json starts with a BOM
            return new ObjectMapper().readTree(new String(bytes, bom, bytes.length - bom, StandardCharsets.UTF_8))
                    .get("labels");
        }
    }

    private static List<String> names(JsonNode labels) {
        List<String> names = new ArrayList<>();
        labels.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}").matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        found.sort(null);
        return found;
    }

    private static void waitForHeader() {
        browser.waitFor("[cam-widget-header] .brand-name");
        browser.waitUntil(d -> d.findElement(By.cssSelector("[cam-widget-header] .brand-name")).getText()
                .startsWith("Pactum 合同管理"));
    }

    /** Camunda 7 CE renders the strip whatever the edition settings; it must not be visible. */
    private static void assertNoMigrationBanner() {
        List<WebElement> banners = browser.driver.findElements(By.cssSelector(".ce-eol-banner"));
        assertThat(banners).allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
    }

    private static String body() {
        return text(browser);
    }

    private static String text(Chromium chromium) {
        return chromium.driver.findElement(By.tagName("body")).getText();
    }
}
