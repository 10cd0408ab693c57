package dev.pactum.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.PactumTest;
import dev.pactum.TestIdentityProvider;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.TestContracts;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Company login in a real browser (Chromium): the login page's company button, the provider's own login form on
 * another host, the workspace, Tasklist claiming an approval as the company user without a second login, and logout
 * through the provider back to Pactum's login page (which the pages' CSP must let the logout form reach).
 */
@PactumTest
class CompanyLoginBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ContractService contracts;
    @Autowired
    TestContracts testContracts;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    private final TestIdentityProvider provider = TestIdentityProvider.get();

    @AfterEach
    void removeCompanyUser() {
        if (identity.createUserQuery().userId("mark").count() > 0) {
            identity.deleteUser("mark");
        }
    }

    @Test
    void aCompanyApproverSignsInAtTheProviderAndClaimsInTasklistWithoutAnotherLogin() {
        provider.allowPactumAt(port);
        provider.reset();
        Contract contract = contracts.submit(testContracts.draft("sales1", "66000"), "sales1");
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(contract.getNumber()).singleResult();

        try (Chromium browser = Chromium.start(port)) {
            browser.open("/home");
            browser.find("a#sso");
            assertThat(browser.text("a#sso")).isEqualTo("使用企业账号登录");
            browser.screenshot("login-company-account");
            browser.find("a#sso").click();
            browser.waitUntil(d -> d.getCurrentUrl().equals(provider.issuer() + "/login"));
            browser.find("#username").sendKeys("mark");
            browser.find("#password").sendKeys("mark-pw");
            browser.find("button[type=submit]").click();
            browser.waitUntil(d -> browser.path().equals("/home"));
            assertThat(browser.text(".who .user")).isEqualTo("mark");

            browser.open(WebappsLocaleTest.TASKLIST + "#/?task=" + task.getId());
            browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("认领"));
            browser.driver.findElement(By.xpath("//*[normalize-space(text())='认领']")).click();
            browser.waitUntil(d -> "mark".equals(tasks.createTaskQuery().taskId(task.getId()).singleResult()
                    .getAssignee()));
            browser.screenshot("webapps-tasklist-company-login-mark");

            browser.open("/home");
            browser.find(".who form button[type=submit]").click();
            browser.waitUntil(d -> browser.path().equals("/login?logout"));
            browser.open("/home");
            browser.waitUntil(d -> browser.path().equals("/login"));
        }
    }
}
