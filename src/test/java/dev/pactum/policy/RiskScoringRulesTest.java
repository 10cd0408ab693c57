package dev.pactum.policy;

import static dev.pactum.rules.ProjectRules.unremarkableContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;

import dev.pactum.risk.RiskAssessment;
import dev.pactum.risk.RiskFinding;
import dev.pactum.risk.RiskLevel;
import dev.pactum.rules.ProjectRules;
import org.junit.jupiter.api.Test;

class RiskScoringRulesTest {

    private final RiskScoring service = new RiskScoring();

    /** The risk half of the policy, on the project's rules. */
    private static final class RiskScoring {
        RiskAssessment assess(ContractFacts contract) {
            return ContractPolicy.decide(ProjectRules.ruleBase(), contract).risk();
        }
    }

    @Test
    void anUnremarkableContractHasNoFindings() {
        RiskAssessment assessment = service.assess(unremarkableContract().build());

        assertThat(assessment.findings()).isEmpty();
        assertThat(assessment.score()).isZero();
        assertThat(assessment.level()).isEqualTo(RiskLevel.LOW);
        assertThat(assessment.ruleSetVersion()).isEqualTo(ProjectRules.ruleBase().version());
    }

    @Test
    void aPaymentTermOf90DaysIsNoFinding() {
        assertThat(service.assess(unremarkableContract().paymentTermDays(90).build()).findings()).isEmpty();
    }

    @Test
    void aPaymentTermOf91DaysIsAMediumFindingOnThePaymentClause() {
        RiskAssessment assessment = service.assess(unremarkableContract().paymentTermDays(91).build());

        assertThat(assessment.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("Payment term over 90 days");
            assertThat(finding.severity()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(finding.points()).isEqualTo(20);
            assertThat(finding.clauseId()).isEqualTo("payment");
            assertThat(finding.messageZh()).contains("91 天");
            assertThat(finding.messageEn()).contains("91 days");
        });
        assertThat(assessment.score()).isEqualTo(20);
    }

    @Test
    void anAmountEqualToTheCreditLimitIsNoFinding() {
        ContractFacts contract = unremarkableContract()
                .amountCny(new BigDecimal("500000.00"))
                .customerCreditLimitCny(new BigDecimal("500000"))
                .build();

        assertThat(service.assess(contract).findings()).isEmpty();
    }

    @Test
    void anAmountOneFenAboveTheCreditLimitIsAHighFindingOnThePriceClause() {
        ContractFacts contract = unremarkableContract()
                .amountCny(new BigDecimal("500000.01"))
                .customerCreditLimitCny(new BigDecimal("500000.00"))
                .build();

        assertThat(service.assess(contract).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("Amount above the customer's credit limit");
            assertThat(finding.severity()).isEqualTo(RiskLevel.HIGH);
            assertThat(finding.points()).isEqualTo(25);
            assertThat(finding.clauseId()).isEqualTo("price");
            assertThat(finding.messageZh()).contains("500000.01", "500000.00");
        });
    }

    @Test
    void withoutACreditLimitNoAmountIsAboveIt() {
        ContractFacts contract = unremarkableContract()
                .amountCny(new BigDecimal("999999999.00"))
                .customerCreditLimitCny(null)
                .build();

        assertThat(service.assess(contract).findings()).isEmpty();
    }

    @Test
    void overduePaymentsOnEarlierContractsAreAHighFinding() {
        RiskAssessment assessment = service.assess(unremarkableContract().customerHasOverduePayments(true).build());

        assertThat(assessment.findings())
                .extracting(RiskFinding::rule, RiskFinding::severity, RiskFinding::points, RiskFinding::clauseId)
                .containsExactly(tuple("Customer has overdue payments on earlier contracts", RiskLevel.HIGH, 30, null));
        assertThat(assessment.level()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void aNewCustomerIsALowFinding() {
        RiskAssessment assessment = service.assess(unremarkableContract().customerEarlierContracts(0).build());

        assertThat(assessment.findings())
                .extracting(RiskFinding::rule, RiskFinding::severity, RiskFinding::points)
                .containsExactly(tuple("New customer with no earlier contract", RiskLevel.LOW, 10));
    }

    @Test
    void aCustomerWithOneEarlierContractIsNotNew() {
        assertThat(service.assess(unremarkableContract().customerEarlierContracts(1).build()).findings()).isEmpty();
    }

    @Test
    void allFindingsAddUpMostPointsFirst() {
        ContractFacts contract = unremarkableContract()
                .paymentTermDays(120)
                .amountCny(new BigDecimal("2000000.00"))
                .customerCreditLimitCny(new BigDecimal("1000000.00"))
                .customerHasOverduePayments(true)
                .customerEarlierContracts(0)
                .build();

        RiskAssessment assessment = service.assess(contract);

        assertThat(assessment.findings()).extracting(RiskFinding::points).containsExactly(30, 25, 20, 10);
        assertThat(assessment.score()).isEqualTo(85);
        assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
    }
}
