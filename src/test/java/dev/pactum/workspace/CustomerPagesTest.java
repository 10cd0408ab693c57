package dev.pactum.workspace;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.TestPeers;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.Customer;
import dev.pactum.contract.CustomerContact;
import dev.pactum.contract.CustomerRepository;
import dev.pactum.contract.CustomerService;
import dev.pactum.contract.TestContracts;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The customer pages in a real browser (Debian's Chromium, headless), as the demo users, on the real database. */
@PactumTest
class CustomerPagesTest {

    static Chromium browser;

    @Autowired ApiClient api;
    @Autowired TestContracts testContracts;
    @Autowired CustomerService customerService;
    @Autowired CustomerRepository customers;
    @Autowired ContractService contracts;

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
    void theListSearchesByNameOrCreditCodeAndPages() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Customer first = testContracts.customer("翻页客户" + unique + "第00号有限公司");
        for (int i = 1; i <= 20; i++) {
            testContracts.customer("翻页客户" + unique + "第%02d号有限公司".formatted(i));
        }

        browser.logIn("sales1");
        browser.open("/customers");
        browser.find("input[name=q]").sendKeys("翻页客户" + unique);
        browser.find(".filters[role=search] button[type=submit]").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("q="));
        assertThat(rows()).hasSize(20);
        assertThat(rows().get(0)).contains("翻页客户" + unique + "第00号有限公司", first.getCreditCode());
        assertThat(browser.text(".pager")).contains("1 / 2");
        browser.screenshot("customers-search");
        browser.find(".pager a").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("page=1"));
        assertThat(rows()).hasSize(1).first().asString().contains("第20号");

        // The credit code finds the customer too, in lower case as well.
        browser.open("/customers?q=" + first.getCreditCode().substring(2).toLowerCase());
        assertThat(rows()).hasSize(1).first().asString().contains("翻页客户" + unique + "第00号有限公司");
    }

    @Test
    void aSalespersonRegistersACustomerAfterFixingTheFieldErrorsShownBesideEachField() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Customer taken = testContracts.customer("已登记客户" + unique + "有限公司");
        browser.logIn("sales1");
        browser.open("/customers");
        browser.find("#new-customer").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/customers/new"));
        assertThat(browser.text("h1")).isEqualTo("新建客户");

        // Nothing filled in: each required field says so, in Chinese, beside it.
        browser.find("#save-customer").click();
        browser.waitFor("#error-name");
        assertThat(browser.text("#error-name")).isEqualTo("不能为空");
        assertThat(browser.text("#error-creditCode")).startsWith("不是有效的统一社会信用代码");
        assertThat(browser.find("#name").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#name").getAttribute("aria-describedby")).isEqualTo("error-name");
        assertThat(browser.find("#contactName").getAttribute("aria-invalid")).isNull();

        // A wrong check character and a bad email address; what was typed stays in the form.
        String code = TestContracts.newCreditCode();
        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        browser.find("#name").sendKeys("页面登记客户" + unique + "有限公司");
        browser.find("#creditCode").sendKeys(wrongCheck);
        browser.find("#contactName").sendKeys("刘经理");
        browser.find("#contactEmail").sendKeys("liu-at-example");
        browser.find("#save-customer").click();
        browser.waitUntil(d -> !d.findElement(By.id("error-name")).isDisplayed());
        assertThat(browser.text("#error-creditCode")).contains("统一社会信用代码");
        assertThat(browser.find("#creditCode").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#error-contactEmail")).isNotBlank();
        assertThat(browser.find("#contactName").getAttribute("value")).isEqualTo("刘经理");
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo("页面登记客户" + unique + "有限公司");
        browser.screenshot("customer-new-errors");

        // A credit code another customer has: said beside the field, with that customer's name.
        browser.find("#creditCode").clear();
        browser.find("#creditCode").sendKeys(taken.getCreditCode());
        browser.find("#contactEmail").clear();
        browser.find("#contactEmail").sendKeys("liu@example.com");
        browser.find("#save-customer").click();
        browser.waitUntil(d -> d.findElement(By.id("error-creditCode")).getText().contains(taken.getName()));
        assertThat(customers.findAll()).noneMatch(c -> c.getName().equals("页面登记客户" + unique + "有限公司"));

        browser.find("#creditCode").clear();
        browser.find("#creditCode").sendKeys(code);
        browser.find("#save-customer").click();
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/customers/\\d+\\?created$"));
        assertThat(browser.text("#customer-notice")).isEqualTo("客户已登记。");
        assertThat(browser.text("h1")).isEqualTo("页面登记客户" + unique + "有限公司");
        Customer saved = customers.findByCreditCode(code).orElseThrow();
        assertThat(saved.getContactName()).isEqualTo("刘经理");
        assertThat(saved.getContactEmail()).isEqualTo("liu@example.com");
        assertThat(saved.getCreditLimit()).isNull();
        browser.screenshot("customer-created");
    }

    @Test
    void whenTwoPeopleEditACustomerTheSecondSaveIsToldAndLosesNothing() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Customer customer = testContracts.customer("并发编辑客户" + unique + "有限公司");
        browser.logIn("sales1");
        browser.open("/customers/" + customer.getId());
        browser.find("#edit-customer").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/edit"));
        assertThat(browser.find("#creditCode").getAttribute("readonly")).isNotNull();

        // Meanwhile someone else saves a new contact.
        customerService.updateContact(customer.getId(), customer.getVersion(), new CustomerContact(
                customer.getName(), "另一位同事填的联系人", "other@example.com", "021-1111-2222"));

        browser.find("#contactName").clear();
        browser.find("#contactName").sendKeys("我填的联系人");
        browser.find("#contactPhone").clear();
        browser.find("#contactPhone").sendKeys("010-8888-9999");
        browser.find("#save-customer").click();
        browser.waitFor("#form-error");
        assertThat(browser.text("#form-error")).contains("已被他人修改并保存");
        assertThat(browser.find("#contactName").getAttribute("value")).isEqualTo("我填的联系人");
        assertThat(browser.find("#contactPhone").getAttribute("value")).isEqualTo("010-8888-9999");
        assertThat(browser.text("[data-saved-for=contactName]")).isEqualTo("现已保存：另一位同事填的联系人");
        assertThat(browser.text("[data-saved-for=contactEmail]")).isEqualTo("现已保存：other@example.com");
        Customer meanwhile = customers.findById(customer.getId()).orElseThrow();
        assertThat(meanwhile.getContactName()).as("nothing written").isEqualTo("另一位同事填的联系人");
        browser.screenshot("customer-edit-conflict");

        // Having seen the other save, the second person saves knowingly.
        browser.find("#save-customer").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/customers/" + customer.getId() + "?saved"));
        assertThat(browser.text("#customer-notice")).isEqualTo("已保存。");
        Customer after = customers.findById(customer.getId()).orElseThrow();
        assertThat(after.getContactName()).isEqualTo("我填的联系人");
        assertThat(after.getContactPhone()).isEqualTo("010-8888-9999");
        assertThat(after.getContactEmail()).as("the form's value, saved knowingly").isEqualTo("buyer@example.com");
        assertThat(after.getVersion()).isEqualTo(meanwhile.getVersion() + 1);
    }

    @Test
    void onlyFinanceChangesCreditDataDirectorsReadItSalesNeitherSeeNorPostIt() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Customer customer = testContracts.customer("信用数据客户" + unique + "有限公司");
        Contract contract = testContracts.draft("sales1", "80000.00");

        browser.logIn("sales1");
        browser.open("/customers/" + customer.getId());
        assertThat(browser.text("main")).doesNotContain("信用额度").doesNotContain("有逾期付款");
        assertThat(browser.driver.findElements(By.id("credit-form"))).isEmpty();
        // Even posting the form by hand, with a valid session and CSRF token, is refused and writes nothing.
        assertThat(postCredit(customer.getId(), "creditLimit=1&creditLimitCurrency=CNY&hasOverduePayments=true"
                + "&version=" + customer.getVersion())).isEqualTo(403);
        assertThat(customers.findById(customer.getId()).orElseThrow().getCreditLimit()).isNull();
        browser.screenshot("customer-sales1");

        browser.logIn("finance1");
        browser.open("/customers/" + customer.getId());
        browser.find("#creditLimit").sendKeys("-5");
        browser.find("#save-credit").click();
        browser.waitFor("#error-creditLimit");
        assertThat(browser.find("#creditLimit").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#creditLimit").getAttribute("value")).isEqualTo("-5");
        browser.find("#creditLimit").clear();
        browser.find("#creditLimit").sendKeys("500000");
        browser.find("#hasOverduePayments").click();
        browser.find("#save-credit").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("?saved"));
        Customer kept = customers.findById(customer.getId()).orElseThrow();
        assertThat(kept.getCreditLimit()).isEqualByComparingTo(new BigDecimal("500000"));
        assertThat(kept.hasOverduePayments()).isTrue();
        assertThat(browser.find("#creditLimit").getAttribute("value")).isEqualTo("500000.00");
        assertThat(browser.find("#hasOverduePayments").isSelected()).isTrue();
        assertThat(postCredit(customer.getId(), "creditLimit=500000&creditLimitCurrency=CNY&hasOverduePayments=true"
                + "&version=" + kept.getVersion())).as("the same post as finance passes").isEqualTo(302);
        browser.screenshot("customer-finance1");

        // Directors read credit data, without a form to change it.
        browser.logIn("director1");
        browser.open("/customers/" + customer.getId());
        assertThat(browser.text("main")).contains("信用额度", "CNY 500,000.00");
        assertThat(browser.driver.findElements(By.id("credit-form"))).isEmpty();

        // The contracts the viewer may see are listed with the customer.
        browser.logIn("sales1");
        browser.open("/customers/" + contract.getCustomer().getId());
        assertThat(browser.text("#contracts")).contains(contract.getNumber());
    }

    @Test
    void aCustomerIsImportedFromTheCrmByItsIdAndABadIdIsExplained() {
        String code = TestContracts.newCreditCode();
        String crmId = "PAGE-" + UUID.randomUUID().toString().substring(0, 8);
        TestPeers.peers().stubFor(get(urlEqualTo("/crm/customers/" + crmId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"name": "CRM 页面导入有限公司 %s", "creditCode": "%s", "contactName": "周经理"}"""
                        .formatted(crmId, code))));

        browser.logIn("sales1");
        browser.open("/customers");
        browser.find("#crmId").sendKeys("有 空格");
        browser.find("#crm-import-button").click();
        browser.waitFor("#crm-error");
        assertThat(browser.text("#crm-error")).contains("CRM 客户编号");
        assertThat(browser.find("#crmId").getAttribute("aria-invalid")).isEqualTo("true");

        browser.find("#crmId").clear();
        browser.find("#crmId").sendKeys(crmId);
        browser.find("#crm-import-button").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("?imported=created"));
        assertThat(browser.text("#customer-notice")).isEqualTo("已从 CRM 导入新客户。");
        assertThat(browser.text("h1")).isEqualTo("CRM 页面导入有限公司 " + crmId);
        assertThat(customers.findByCreditCode(code)).isPresent();
        browser.screenshot("customer-imported");
    }

    @Test
    void theContractDocumentIsServedForTheInlineViewerAndMayBeFramedByPactumOnly() throws Exception {
        Contract draft = contracts.submit(testContracts.draft("sales1", "30000.00"), "sales1");
        HttpResponse<byte[]> pdf = api.send(api.request("sales1", "GET", "/api/contracts/" + draft.getId()
                + "/document", null, "zh-CN"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition")).get().asString().startsWith("inline");
        assertThat(pdf.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'self'");
        assertThat(pdf.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
        assertThat(pdf.body()).startsWith("%PDF".getBytes());
    }

    /** Posts the credit form from the logged-in page, as the page's own script would, and returns the status. */
    private long postCredit(long customerId, String form) {
        return (Long) browser.driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var headers = {'Content-Type': 'application/x-www-form-urlencoded'};
                headers[document.querySelector('meta[name=_csrf_header]').content] =
                    document.querySelector('meta[name=_csrf]').content;
                fetch('/customers/' + arguments[0] + '/credit', {method: 'POST', headers: headers,
                    body: arguments[1], redirect: 'manual', credentials: 'same-origin'})
                  .then(function (r) { done(r.type === 'opaqueredirect' ? 302 : r.status); });
                """, customerId, form);
    }

    private List<String> rows() {
        return browser.driver.findElements(By.cssSelector("#customers tbody tr")).stream()
                .map(WebElement::getText).toList();
    }
}
