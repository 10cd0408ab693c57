package dev.pactum.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.process.ContractProcess;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's start form on the lifecycle: bad input fails the start with a message the person can act on, and
 * nothing is saved, neither a contract nor a process instance.
 */
@PactumTest
class RegisterContractFromFormTest {

    @Autowired ApiClient api;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;
    @Autowired ContractRepository contracts;
    @Autowired TestContracts testContracts;

    @Test
    void onlyASignedInUserCanStartAContract() {
        Map<String, Object> form = form(testContracts.customer("匿名发起客户有限公司"));

        assertStartRefused(() -> runtime.startProcessInstanceByKey(ContractProcess.KEY, form))
                .hasMessageContaining("登录后才能发起合同 / Only a signed-in user can start a contract");
    }

    @Test
    void missingValuesAreListedByField() {
        Map<String, Object> form = form(testContracts.customer("缺项客户有限公司"));
        form.remove("title");
        form.remove("amount");
        form.put("startDate", " ");

        assertStartRefused(() -> startAs("sales2", form))
                .hasMessageContaining("合同信息不完整 / The contract is incomplete: ")
                .hasMessageContaining("amount ")
                .hasMessageContaining("startDate ")
                .hasMessageContaining("title ");
    }

    @Test
    void malformedValuesAreRefused() {
        Customer customer = testContracts.customer("格式错误客户有限公司");
        for (Consumer<Map<String, Object>> malformed : List.<Consumer<Map<String, Object>>>of(
                form -> form.put("amount", "六万六千"),
                form -> form.put("startDate", "2027/01/01"),
                form -> form.put("endDate", "2027-02-30"),
                form -> form.put("paymentTermDays", 1.5),
                form -> form.put("paymentTermDays", "三十"),
                form -> form.put("type", "LEASE"))) {
            Map<String, Object> form = form(customer);
            malformed.accept(form);

            assertStartRefused(() -> startAs("sales2", form))
                    .as("%s", form).hasMessageContaining("合同信息格式不正确 / The contract has a malformed value");
        }
    }

    @Test
    void valuesTheApiRefusesAreRefusedHereTooNamingTheField() {
        Customer customer = testContracts.customer("越界客户有限公司");
        Map<String, Object> negative = form(customer);
        negative.put("amount", "-1");
        Map<String, Object> tooLong = form(customer);
        tooLong.put("paymentTermDays", 3651L);
        Map<String, Object> endsBeforeItStarts = form(customer);
        endsBeforeItStarts.put("endDate", "2026-12-31");
        Map<String, Object> unknownCurrency = form(customer);
        unknownCurrency.put("currency", "GBP");

        assertStartRefused(() -> startAs("sales2", negative)).hasMessageContaining("amount");
        assertStartRefused(() -> startAs("sales2", tooLong)).hasMessageContaining("paymentTermDays");
        assertStartRefused(() -> startAs("sales2", endsBeforeItStarts)).hasMessageContaining("endDate");
        assertStartRefused(() -> startAs("sales2", unknownCurrency)).hasMessageContaining("currency");
    }

    @Test
    void tasklistsSubmitOfAnIncompleteStartFormIsABadRequestNamingTheFieldAndSavesNothing() throws Exception {
        Customer customer = testContracts.customer("表单提交客户有限公司");
        long contractsBefore = contracts.count();

        ApiClient.Response submit = api.send("sales2", "POST",
                "/engine-rest/process-definition/key/" + ContractProcess.KEY + "/submit-form", """
                {"variables": {"type": {"value": "SALES"}, "templateKey": {"value": "sales-standard"},
                  "customerCreditCode": {"value": "%s"}, "amount": {"value": "66000.00"},
                  "currency": {"value": "CNY"}, "startDate": {"value": "2027-01-01"},
                  "endDate": {"value": "2027-12-31"}, "paymentTermDays": {"value": 30, "type": "Long"}}}"""
                        .formatted(customer.getCreditCode()), "en");

        assertThat(submit.status()).isEqualTo(400);
        assertThat(submit.body().path("message").asText())
                .contains("The contract is incomplete").contains("title");
        assertThat(contracts.count()).isEqualTo(contractsBefore);
    }

    @Test
    void theCreditCodeIsFoundWhateverItsCaseAndSpaces() {
        Customer customer = testContracts.customer("小写代码客户有限公司");
        Map<String, Object> form = form(customer);
        form.put("customerCreditCode", " " + customer.getCreditCode().toLowerCase() + " ");
        form.put("title", "  表单发起的销售合同  ");

        ProcessInstance instance = startAs("sales2", form);

        Contract contract = contracts.findByProcessInstanceId(instance.getId()).orElseThrow();
        assertThat(contract.getCustomer().getId()).isEqualTo(customer.getId());
        assertThat(contract.getTitle()).isEqualTo("表单发起的销售合同");
        assertThat(contract.getAmount()).isEqualByComparingTo(new BigDecimal("66000.00"));
        assertThat(contract.getType()).isEqualTo(ContractType.SALES);
        assertThat(contract.getOwner()).isEqualTo("sales2");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertStartRefused(Runnable start) {
        long contractsBefore = contracts.count();
        long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(ContractProcess.KEY).count();

        AbstractThrowableAssert<?, ? extends Throwable> refusal = assertThatThrownBy(start::run);

        assertThat(contracts.count()).isEqualTo(contractsBefore);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ContractProcess.KEY).count())
                .isEqualTo(instancesBefore);
        return refusal;
    }

    private ProcessInstance startAs(String user, Map<String, Object> form) {
        identity.setAuthentication(user, List.of("sales"));
        try {
            return runtime.startProcessInstanceByKey(ContractProcess.KEY, form);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The start form as Tasklist sends it for a valid contract; tests spoil one value each. */
    private static Map<String, Object> form(Customer customer) {
        Map<String, Object> form = new HashMap<>();
        form.put("title", "表单发起的销售合同");
        form.put("type", "SALES");
        form.put("templateKey", "sales-standard");
        form.put("customerCreditCode", customer.getCreditCode());
        form.put("amount", "66000.00");
        form.put("currency", "CNY");
        form.put("startDate", "2027-01-01");
        form.put("endDate", "2027-12-31");
        form.put("paymentTermDays", 30L);
        return form;
    }
}
