package dev.pactum.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pactum.rules.ProjectRules;
import dev.pactum.rules.RuleBase;
import dev.pactum.rules.RuleSource;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate for rule changes checked itself: a reload is refused only when {@link RuleFixtures#check} reports a
 * case the rules decide otherwise. Each case here states one thing wrong on purpose (score, level, findings, fast
 * lane, or one property of one level of the chain) and must be reported, naming that aspect with both values;
 * a case that states the truth must pass.
 */
class RuleFixturesCheckerTest {

    private static final String FILE = "rules/fixtures/checker.json";
    private static final String FAST_LANE_RULE = "Fast lane: unmodified standard template under 50,000 CNY with low risk";
    private static final String SALES_MANAGER_RULE = "Every contract needs a sales manager";
    private static final String LEGAL_RULE = "Contracts of 500,000 CNY or more need legal";
    private static final String FINANCE_RULE = "Contracts of 1,000,000 CNY or more need finance";

    /** What the shipped rules decide for a 1,000,000 CNY contract: score 0, a manager, then legal and finance (会签). */
    private static final String TRUE_CHAIN = """
            [{"groups": ["sales-managers"], "mode": "ANY", "slaHours": 24, "addedBy": ["%s"]},
             {"groups": ["legal", "finance"], "mode": "ALL", "slaHours": 48, "addedBy": ["%s", "%s"]}]"""
            .formatted(SALES_MANAGER_RULE, LEGAL_RULE, FINANCE_RULE);

    private static final String ONE_MILLION = """
            {"amountCny": "1000000.00"}""";
    private static final String THIRTY_THOUSAND = """
            {"amountCny": "30000.00"}""";

    @Test
    void casesThatStateWhatTheRulesDecidePass() {
        RuleFixtures fixtures = fixtures(
                testCase("routed", ONE_MILLION, """
                        {"riskScore": 0, "riskLevel": "LOW", "findings": [], "chain": %s}""".formatted(TRUE_CHAIN)),
                testCase("fast lane", THIRTY_THOUSAND, """
                        {"riskScore": 0, "riskLevel": "LOW", "findings": [], "fastLaneRule": "%s", "chain": []}"""
                        .formatted(FAST_LANE_RULE)),
                testCase("findings in any order", """
                        {"customerHasOverduePayments": true, "customerEarlierContracts": 0}""", """
                        {"riskScore": 40, "riskLevel": "MEDIUM",
                         "findings": ["New customer with no earlier contract",
                                      "Customer has overdue payments on earlier contracts"]}"""));

        assertThat(fixtures.check(ProjectRules.ruleBase())).isEmpty();
    }

    static Stream<Arguments> oneAspectWrong() {
        return Stream.of(
                Arguments.of("risk score", ONE_MILLION, """
                        {"riskScore": 5}""", "risk score: expected 5 but was 0"),
                Arguments.of("risk level", ONE_MILLION, """
                        {"riskLevel": "MEDIUM"}""", "risk level: expected MEDIUM but was LOW"),
                Arguments.of("a finding the rules did not make", ONE_MILLION, """
                        {"findings": ["No cap on our liability"]}""",
                        "findings: expected [No cap on our liability] but was []"),
                Arguments.of("a finding missing", """
                        {"liabilityCapCny": null}""", """
                        {"findings": []}""", "findings: expected [] but was [No cap on our liability]"),
                Arguments.of("a fast lane the rules did not take", ONE_MILLION, """
                        {"fastLaneRule": "%s"}""".formatted(FAST_LANE_RULE),
                        "fast lane rule: expected " + FAST_LANE_RULE + " but was null"),
                Arguments.of("another fast-lane rule", THIRTY_THOUSAND, """
                        {"fastLaneRule": "Fast lane for friends", "chain": []}""",
                        "fast lane rule: expected Fast lane for friends but was " + FAST_LANE_RULE),
                Arguments.of("a group", ONE_MILLION, """
                        {"chain": %s}""".formatted(TRUE_CHAIN.replace("\"finance\"", "\"directors\"")),
                        "chain: expected [ANY [sales-managers] 24h by [" + SALES_MANAGER_RULE + "], "
                                + "ALL [directors, legal] 48h by [" + FINANCE_RULE + ", " + LEGAL_RULE + "]] "
                                + "but was [ANY [sales-managers] 24h by [" + SALES_MANAGER_RULE + "], "
                                + "ALL [finance, legal] 48h by [" + FINANCE_RULE + ", " + LEGAL_RULE + "]]"),
                Arguments.of("a mode", ONE_MILLION, """
                        {"chain": %s}""".formatted(TRUE_CHAIN.replace("\"ALL\"", "\"ANY\"")),
                        "ANY [finance, legal] 48h"),
                Arguments.of("an SLA", ONE_MILLION, """
                        {"chain": %s}""".formatted(TRUE_CHAIN.replace("48", "72")),
                        "ALL [finance, legal] 72h"),
                Arguments.of("the rules that added a level", ONE_MILLION, """
                        {"chain": %s}""".formatted(TRUE_CHAIN.replace(LEGAL_RULE, "NDAs need legal")),
                        "by [" + FINANCE_RULE + ", NDAs need legal]"),
                Arguments.of("a level missing", ONE_MILLION, """
                        {"chain": [{"groups": ["sales-managers"], "mode": "ANY"}]}""",
                        "chain: expected [ANY [sales-managers]] but was [ANY [sales-managers], ALL [finance, legal]]"),
                Arguments.of("a level too many", ONE_MILLION, """
                        {"chain": [{"groups": ["sales-managers"], "mode": "ANY"},
                                   {"groups": ["finance", "legal"], "mode": "ALL"},
                                   {"groups": ["directors"], "mode": "ANY"}]}""",
                        "chain: expected [ANY [sales-managers], ALL [finance, legal], ANY [directors]] "
                                + "but was [ANY [sales-managers], ALL [finance, legal]]"),
                Arguments.of("approvers for a fast-lane contract", THIRTY_THOUSAND, """
                        {"chain": [{"groups": ["sales-managers"], "mode": "ANY"}]}""",
                        "chain: expected [ANY [sales-managers]] but was []"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneAspectWrong")
    void aCaseWithOneAspectWrongIsReportedNamingItWithBothValues(String wrong, String facts, String expect,
                                                                String difference) {
        RuleFixtures fixtures = fixtures(testCase("wrong " + wrong, facts, expect));

        List<RuleFixtures.Failure> failures = fixtures.check(ProjectRules.ruleBase());

        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.file()).isEqualTo(FILE);
            assertThat(failure.caseName()).isEqualTo("wrong " + wrong);
            assertThat(failure.differences()).anySatisfy(text -> assertThat(text).contains(difference));
        });
        assertThat(RuleFixtures.differences(fixtures.cases().get(0), ProjectRules.ruleBase()))
                .isEqualTo(failures.get(0).differences());
    }

    @Test
    void aChainWithoutAFastLaneRuleIsWrongForAFastLaneContract() {
        RuleFixtures fixtures = fixtures(testCase("no fast lane stated", THIRTY_THOUSAND, """
                {"chain": []}"""));

        assertThat(fixtures.check(ProjectRules.ruleBase())).singleElement()
                .extracting(RuleFixtures.Failure::differences).asList()
                .containsExactly("fast lane rule: expected null but was " + FAST_LANE_RULE);
    }

    @Test
    void everyDifferenceOfACaseAndEveryFailingCaseIsReportedInOrder() {
        RuleFixtures fixtures = fixtures(
                testCase("score and level", ONE_MILLION, """
                        {"riskScore": 30, "riskLevel": "MEDIUM"}"""),
                testCase("passes", ONE_MILLION, """
                        {"riskScore": 0}"""),
                testCase("chain", ONE_MILLION, """
                        {"chain": []}"""));

        List<RuleFixtures.Failure> failures = fixtures.check(ProjectRules.ruleBase());

        assertThat(failures).extracting(RuleFixtures.Failure::caseName).containsExactly("score and level", "chain");
        assertThat(failures.get(0).differences()).containsExactly(
                "risk score: expected 30 but was 0", "risk level: expected MEDIUM but was LOW");
        assertThat(failures.get(0)).hasToString(FILE + " › \"score and level\": "
                + "risk score: expected 30 but was 0; risk level: expected MEDIUM but was LOW");
    }

    @Test
    void aCaseChecksOnlyWhatItStates() {
        RuleFixtures fixtures = fixtures(
                testCase("level only", """
                        {"liabilityCapCny": null, "amountCny": "2000000.00"}""", """
                        {"riskLevel": "LOW"}"""),
                testCase("groups and mode only", ONE_MILLION, """
                        {"chain": [{"groups": ["sales-managers"], "mode": "ANY"},
                                   {"groups": ["finance", "legal"], "mode": "ALL", "slaHours": 48}]}"""),
                testCase("nothing", ONE_MILLION, "{}"));

        assertThat(fixtures.check(ProjectRules.ruleBase())).isEmpty();
    }

    @Test
    void rulesThatFailAreAFailureOfEveryCaseNotAPass() {
        RuleBase withoutPolicyRules = RuleBase.compile(List.of(new RuleSource("rules/other.drl", """
                package dev.pactum.other;

                rule "Unrelated"
                when
                    Integer()
                then
                end
                """)));
        RuleFixtures fixtures = fixtures(testCase("any", ONE_MILLION, "{}"));

        assertThat(fixtures.check(withoutPolicyRules)).singleElement()
                .extracting(RuleFixtures.Failure::differences).asList().singleElement().asString()
                .startsWith("the rules failed: No rules in package " + ContractPolicy.RISK_RULES);
    }

    @Test
    void aFileThatIsNoFixtureFileIsRefusedNamingIt() {
        assertThatThrownBy(() -> RuleFixtures.parse(List.of(new RuleSource("rules/fixtures/broken.json", "{\"cases\": ["))))
                .isInstanceOf(RuleFixtures.InvalidFixtureException.class)
                .hasMessageStartingWith("rules/fixtures/broken.json: not JSON");
        assertThatThrownBy(() -> RuleFixtures.parse(List.of(new RuleSource("rules/fixtures/empty.json", "{\"case\": []}"))))
                .isInstanceOf(RuleFixtures.InvalidFixtureException.class)
                .hasMessage("rules/fixtures/empty.json: no \"cases\" array");
        assertThatThrownBy(() -> RuleFixtures.parse(List.of(new RuleSource("rules/fixtures/nameless.json",
                "{\"cases\": [{\"expect\": {}}]}"))))
                .isInstanceOf(RuleFixtures.InvalidFixtureException.class)
                .hasMessageStartingWith("rules/fixtures/nameless.json: every case needs a \"name\"");
        assertThatThrownBy(() -> RuleFixtures.parse(List.of(new RuleSource("rules/fixtures/no-expect.json",
                "{\"cases\": [{\"name\": \"x\", \"expect\": []}]}"))))
                .isInstanceOf(RuleFixtures.InvalidFixtureException.class)
                .hasMessageContaining("an \"expect\" object");
    }

    @Test
    void casesOfSeveralFilesKeepTheirFileAndOrder() {
        RuleFixtures fixtures = RuleFixtures.parse(List.of(
                new RuleSource("rules/fixtures/a.json", "{\"cases\": [%s, %s]}".formatted(
                        testCase("a1", ONE_MILLION, "{}"), testCase("a2", ONE_MILLION, "{}"))),
                new RuleSource("rules/fixtures/b.json", "{\"cases\": [%s]}".formatted(
                        testCase("b1", ONE_MILLION, "{}")))));

        assertThat(fixtures.cases()).extracting(RuleFixtures.Case::toString).containsExactly(
                "rules/fixtures/a.json › a1", "rules/fixtures/a.json › a2", "rules/fixtures/b.json › b1");
    }

    @Test
    void factsACaseLeavesOutTakeTheDocumentedDefaults() {
        ContractFacts facts = fixtures(testCase("defaults", "{}", "{}")).cases().get(0).contractFacts();

        assertThat(facts.getContractNumber()).isEqualTo("HT-FIXTURE");
        assertThat(facts.getType()).isEqualTo("SALES");
        assertThat(facts.getAmountCny()).isEqualTo(new BigDecimal("100000.00"));
        assertThat(facts.getPaymentTermDays()).isEqualTo(30);
        assertThat(facts.getTemplateKey()).isEqualTo("sales-standard");
        assertThat(facts.getCustomerCreditLimitCny()).isNull();
        assertThat(facts.getCustomerEarlierContracts()).isEqualTo(3);
        assertThat(facts.isCustomerHasOverduePayments()).isFalse();
        assertThat(facts.getLiabilityCapCny()).as("capped at the amount").isEqualTo(new BigDecimal("100000.00"));
        assertThat(facts.isAutoRenewal()).isFalse();
        assertThat(facts.getRenewalNoticeDays()).isNull();
        assertThat(facts.getLiquidatedDamagesPercent()).isNull();
        assertThat(facts.getChangedClauseIds()).isEmpty();
        assertThat(facts.getClauseCount()).isEqualTo(12);
    }

    @Test
    void factsACaseGivesAreTheOnesDecidedOn() {
        ContractFacts facts = fixtures(testCase("given", """
                {"contractNumber": "HT-2026-000042", "type": "PURCHASE", "amountCny": "250000.50",
                 "paymentTermDays": 120, "templateKey": "purchase-standard", "customerCreditLimitCny": "200000",
                 "customerEarlierContracts": 0, "customerHasOverduePayments": true, "liabilityCapCny": null,
                 "autoRenewal": true, "renewalNoticeDays": 0, "liquidatedDamagesPercent": "20.5",
                 "changedClauseIds": ["payment", "liability"]}""", "{}")).cases().get(0).contractFacts();

        assertThat(facts.getContractNumber()).isEqualTo("HT-2026-000042");
        assertThat(facts.getType()).isEqualTo("PURCHASE");
        assertThat(facts.getAmountCny()).isEqualTo(new BigDecimal("250000.50"));
        assertThat(facts.getPaymentTermDays()).isEqualTo(120);
        assertThat(facts.getTemplateKey()).isEqualTo("purchase-standard");
        assertThat(facts.getCustomerCreditLimitCny()).isEqualTo(new BigDecimal("200000"));
        assertThat(facts.getCustomerEarlierContracts()).isZero();
        assertThat(facts.isCustomerHasOverduePayments()).isTrue();
        assertThat(facts.getLiabilityCapCny()).as("null means uncapped").isNull();
        assertThat(facts.isAutoRenewal()).isTrue();
        assertThat(facts.getRenewalNoticeDays()).isZero();
        assertThat(facts.getLiquidatedDamagesPercent()).isEqualTo(new BigDecimal("20.5"));
        assertThat(facts.getChangedClauseIds()).containsExactly("payment", "liability");
        assertThat(facts.getClauseCount()).isEqualTo(12);
    }

    @Test
    void aContractHasAtLeastAsManyClausesAsItChanged() {
        String thirteen = "[\"c1\",\"c2\",\"c3\",\"c4\",\"c5\",\"c6\",\"c7\",\"c8\",\"c9\",\"c10\",\"c11\",\"c12\",\"c13\"]";
        RuleFixtures fixtures = fixtures(
                testCase("many changed", "{\"changedClauseIds\": " + thirteen + "}", "{}"),
                testCase("counted", "{\"clauseCount\": 40, \"liabilityCapCny\": \"5000\"}", "{}"));

        assertThat(fixtures.cases().get(0).contractFacts().getClauseCount()).isEqualTo(13);
        assertThat(fixtures.cases().get(1).contractFacts().getClauseCount()).isEqualTo(40);
        assertThat(fixtures.cases().get(1).contractFacts().getLiabilityCapCny()).isEqualTo(new BigDecimal("5000"));
    }

    private static RuleFixtures fixtures(String... cases) {
        return RuleFixtures.parse(List.of(new RuleSource(FILE, "{\"cases\": [" + String.join(",", cases) + "]}")));
    }

    private static String testCase(String name, String facts, String expect) {
        return "{\"name\": \"%s\", \"facts\": %s, \"expect\": %s}".formatted(name, facts, expect);
    }
}
