package dev.pactum.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The revise form's values as the engine hands them over: form-js sends numbers as numbers or (serialized) text,
 * and a REST caller completing the task can send anything, so each value is checked before the contract changes.
 */
class ContractRevisionTest {

    private static final LocalDate START = LocalDate.of(2026, 12, 1);

    @Test
    void theFormIsFilledWithTheContractAsItIs() {
        Contract contract = contract();

        Map<String, Object> expected = new HashMap<>(Map.of(
                ContractRevision.TITLE, "测试销售合同", ContractRevision.AMOUNT, "300000.00",
                ContractRevision.PAYMENT_TERM_DAYS, 30, ContractRevision.END_DATE, "2027-11-30",
                ContractRevision.AUTO_RENEW, false));
        expected.put(ContractRevision.RENEWAL_TERM_MONTHS, null);
        expected.put(ContractRevision.NOTICE_PERIOD_DAYS, null);
        expected.put(ContractRevision.MINIMUM_TERM_MONTHS, null);
        assertThat(ContractRevision.formVariablesOf(contract)).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void renewalTermsAreRevisedAndMustStillFitTheTerm() {
        Contract contract = contract();
        Map<String, Object> form = new HashMap<>(Map.of(ContractRevision.AUTO_RENEW, true,
                ContractRevision.RENEWAL_TERM_MONTHS, "12", ContractRevision.NOTICE_PERIOD_DAYS, 60,
                ContractRevision.MINIMUM_TERM_MONTHS, "6"));
        ContractRevision.fromFormVariables(form).applyTo(contract);
        assertThat(contract.getTerms()).isEqualTo(new ContractTerms(null, true, 60, null, 12, 6));

        form.put(ContractRevision.NOTICE_PERIOD_DAYS, 400);
        assertThatIllegalArgumentException().isThrownBy(() -> ContractRevision.fromFormVariables(form)
                .applyTo(contract)).withMessageContaining("通知截止日须在合同期内");
        form.put(ContractRevision.NOTICE_PERIOD_DAYS, 30);
        form.put(ContractRevision.MINIMUM_TERM_MONTHS, 24);
        assertThatIllegalArgumentException().isThrownBy(() -> ContractRevision.fromFormVariables(form)
                .applyTo(contract)).withMessageContaining("The renewal terms do not fit the term");
        assertThat(contract.getTerms().minimumTermMonths()).isEqualTo(6);
    }

    @Test
    void valuesAreReadAsFormJsSendsThem() {
        assertThat(ContractRevision.fromFormVariables(Map.of(ContractRevision.TITLE, "  修改后的合同 ",
                ContractRevision.AMOUNT, "280000.50", ContractRevision.PAYMENT_TERM_DAYS, "15",
                ContractRevision.END_DATE, "2027-06-30")))
                .isEqualTo(new ContractRevision("修改后的合同", new BigDecimal("280000.50"), 15, LocalDate.of(2027, 6, 30)));
        assertThat(ContractRevision.fromFormVariables(Map.of(ContractRevision.AMOUNT, 280000L,
                ContractRevision.PAYMENT_TERM_DAYS, 15L)))
                .isEqualTo(new ContractRevision(null, new BigDecimal("280000"), 15, null));
        assertThat(ContractRevision.fromFormVariables(Map.of(ContractRevision.PAYMENT_TERM_DAYS, 45)).paymentTermDays())
                .isEqualTo(45);
    }

    @Test
    void missingOrBlankValuesLeaveTheContractAsItWas() {
        Map<String, Object> blank = new HashMap<>();
        blank.put(ContractRevision.TITLE, "   ");
        blank.put(ContractRevision.AMOUNT, "");
        blank.put(ContractRevision.PAYMENT_TERM_DAYS, null);
        blank.put(ContractRevision.END_DATE, " ");
        Contract contract = contract();

        ContractRevision.fromFormVariables(blank).applyTo(contract);
        ContractRevision.fromFormVariables(Map.of()).applyTo(contract);

        assertThat(contract.getTitle()).isEqualTo("测试销售合同");
        assertThat(contract.getAmount()).isEqualByComparingTo("300000.00");
        assertThat(contract.getPaymentTermDays()).isEqualTo(30);
        assertThat(contract.getEndDate()).isEqualTo(LocalDate.of(2027, 11, 30));
    }

    @Test
    void malformedValuesAreRefusedInBothLanguages() {
        assertMalformed(Map.of(ContractRevision.AMOUNT, "二十八万"));
        assertMalformed(Map.of(ContractRevision.AMOUNT, "280,000"));
        assertMalformed(Map.of(ContractRevision.PAYMENT_TERM_DAYS, "fifteen"));
        assertMalformed(Map.of(ContractRevision.PAYMENT_TERM_DAYS, true));
        assertMalformed(Map.of(ContractRevision.END_DATE, "2027-02-30"));
        assertMalformed(Map.of(ContractRevision.END_DATE, "30/06/2027"));
    }

    @Test
    void aRevisionIsAppliedWhole() {
        Contract contract = contract();

        new ContractRevision("修改后的合同", new BigDecimal("280000.50"), 15, LocalDate.of(2027, 6, 30)).applyTo(contract);

        assertThat(contract.getTitle()).isEqualTo("修改后的合同");
        assertThat(contract.getAmount()).isEqualTo(new BigDecimal("280000.50"));
        assertThat(contract.getPaymentTermDays()).isEqualTo(15);
        assertThat(contract.getEndDate()).isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Test
    void theBoundsOfEachValueAreAccepted() {
        Contract contract = contract();

        new ContractRevision(null, new BigDecimal("0.00"), 0, START).applyTo(contract);
        assertThat(contract.getAmount()).isEqualByComparingTo("0");
        assertThat(contract.getPaymentTermDays()).isZero();
        assertThat(contract.getEndDate()).as("ends the day it starts").isEqualTo(START);

        new ContractRevision(null, new BigDecimal("1"), 3650, null).applyTo(contract);
        assertThat(contract.getPaymentTermDays()).isEqualTo(3650);
        assertThat(contract.getEndDate()).isEqualTo(START);
    }

    @Test
    void valuesOutOfBoundsAreRefusedAndNothingChanges() {
        assertRefused(new ContractRevision("新标题", new BigDecimal("-0.01"), null, null), "非负");
        assertRefused(new ContractRevision("新标题", new BigDecimal("100.001"), null, null), "two decimals");
        assertRefused(new ContractRevision("新标题", null, -1, null), "0 到 3650");
        assertRefused(new ContractRevision("新标题", null, 3651, null), "0 to 3650 days");
        assertRefused(new ContractRevision("新标题", null, null, START.minusDays(1)), "结束日期不能早于开始日期");
    }

    @Test
    void aFractionalPaymentTermIsRefusedNotCutDown() {
        // Form-js sends a number field as a Double; 45.5 days must not silently become 45.
        assertMalformed(Map.of(ContractRevision.PAYMENT_TERM_DAYS, 45.5));
        assertMalformed(Map.of(ContractRevision.PAYMENT_TERM_DAYS, "45.5"));
        assertMalformed(Map.of(ContractRevision.PAYMENT_TERM_DAYS, 4_294_967_311L));
        assertThat(ContractRevision.fromFormVariables(Map.of(ContractRevision.PAYMENT_TERM_DAYS, 45.0))
                .paymentTermDays()).isEqualTo(45);
    }

    @Test
    void aRevisionIsHeldToTheLimitsOfANewContract() {
        // A REST caller completing the task bypasses the form's checks; the database must not be the one to refuse.
        assertRefused(new ContractRevision("长".repeat(301), null, null, null), "300");
        assertRefused(new ContractRevision(null, new BigDecimal("123456789012345678.00"), null, null), "17");
        Contract contract = contract();

        new ContractRevision("长".repeat(300), new BigDecimal("99999999999999999.99"), null, null).applyTo(contract);

        assertThat(contract.getTitle()).hasSize(300);
        assertThat(contract.getAmount()).isEqualTo(new BigDecimal("99999999999999999.99"));
    }

    private static void assertMalformed(Map<String, Object> variables) {
        assertThatIllegalArgumentException().isThrownBy(() -> ContractRevision.fromFormVariables(variables))
                .withMessageStartingWith("修改内容格式不正确 / The revision has a malformed value");
    }

    private static void assertRefused(ContractRevision revision, String message) {
        Contract contract = contract();

        assertThatIllegalArgumentException().isThrownBy(() -> revision.applyTo(contract)).withMessageContaining(message);

        assertThat(contract.getTitle()).isEqualTo("测试销售合同");
        assertThat(contract.getAmount()).isEqualByComparingTo("300000.00");
        assertThat(contract.getPaymentTermDays()).isEqualTo(30);
        assertThat(contract.getEndDate()).isEqualTo(LocalDate.of(2027, 11, 30));
    }

    private static Contract contract() {
        return ContractFixtures.contract("HT-2026-000900", new Customer("修改测试客户有限公司", "91350100M000100Y43"),
                "sales1", "测试销售合同", ContractType.SALES, "sales-standard", "300000.00", START,
                LocalDate.of(2027, 11, 30), 30);
    }
}
