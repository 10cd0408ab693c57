package dev.pactum.approval;

import static dev.pactum.rules.ProjectRules.unremarkableContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import dev.pactum.risk.RiskAssessment;
import dev.pactum.risk.RiskAssessmentService;
import dev.pactum.rules.ContractFacts;
import dev.pactum.rules.ProjectRules;
import org.junit.jupiter.api.Test;

class ApprovalRoutingRulesTest {

    private static final String SALES_MANAGER_RULE = "Every contract needs a sales manager";
    private static final String DIRECTOR_RULE = "Contracts of 1,000,000 CNY or more need a director";

    private final RiskAssessmentService risk = new RiskAssessmentService(ProjectRules.ruleBase());
    private final ApprovalRoutingService routing = new ApprovalRoutingService(ProjectRules.ruleBase());

    @Test
    void aContractJustUnderOneMillionNeedsOnlyASalesManager() {
        ApprovalChain chain = route(unremarkableContract().amountCny(new BigDecimal("999999.99")).build());

        assertThat(chain.levels()).containsExactly(
                new ApprovalLevel(1, ApprovalMode.ANY, List.of("sales-managers"), 24, List.of(SALES_MANAGER_RULE)));
        assertThat(chain.ruleSetVersion()).isEqualTo(ProjectRules.ruleBase().version());
    }

    @Test
    void aContractOfExactlyOneMillionAlsoNeedsADirectorAfterTheSalesManager() {
        ApprovalChain chain = route(unremarkableContract().amountCny(new BigDecimal("1000000.00")).build());

        assertThat(chain.levels()).containsExactly(
                new ApprovalLevel(1, ApprovalMode.ANY, List.of("sales-managers"), 24, List.of(SALES_MANAGER_RULE)),
                new ApprovalLevel(2, ApprovalMode.ANY, List.of("directors"), 48, List.of(DIRECTOR_RULE)));
    }

    @Test
    void riskFindingsDoNotEnterTheChain() {
        ContractFacts risky = unremarkableContract().customerHasOverduePayments(true).paymentTermDays(180).build();

        assertThat(route(risky).levels()).extracting(ApprovalLevel::groups)
                .containsExactly(List.of("sales-managers"));
    }

    private ApprovalChain route(ContractFacts contract) {
        RiskAssessment assessment = risk.assess(contract);
        return routing.route(contract, assessment);
    }
}
