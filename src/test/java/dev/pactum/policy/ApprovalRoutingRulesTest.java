package dev.pactum.policy;

import static dev.pactum.rules.ProjectRules.unremarkableContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.pactum.risk.RiskAssessment;
import dev.pactum.risk.RiskLevel;
import dev.pactum.approval.ApprovalChain;
import dev.pactum.approval.ApprovalLevel;
import dev.pactum.approval.ApprovalMode;
import dev.pactum.rules.ProjectRules;
import dev.pactum.rules.RuleBase;
import dev.pactum.rules.RuleSource;
import org.junit.jupiter.api.Test;

/** Focused routing tests; every threshold at and around it is in rules/fixtures/approval-routing.json. */
class ApprovalRoutingRulesTest {

    private static final String FAST_LANE_RULE = "Fast lane: unmodified standard template under 50,000 CNY with low risk";
    private static final String SALES_MANAGER_RULE = "Every contract needs a sales manager";


    @Test
    void aSmallUnmodifiedLowRiskContractIsApprovedByTheFastLaneRule() {
        ApprovalChain chain = route(unremarkableContract().amountCny(new BigDecimal("49999.99")).build());

        assertThat(chain.needsApproval()).isFalse();
        assertThat(chain.fastLaneRule()).isEqualTo(FAST_LANE_RULE);
        assertThat(chain.ruleSetVersion()).isEqualTo(ProjectRules.ruleBase().version());
    }

    @Test
    void anOrdinaryContractNeedsOnlyASalesManager() {
        ApprovalChain chain = route(unremarkableContract().amountCny(new BigDecimal("499999.99")).build());

        assertThat(chain.fastLaneRule()).isNull();
        assertThat(chain.levels()).containsExactly(
                new ApprovalLevel(1, ApprovalMode.ANY, List.of("sales-managers"), 24, List.of(SALES_MANAGER_RULE)));
    }

    @Test
    void legalAndFinanceCountersignOneLevelAndDirectorsApproveLast() {
        ApprovalChain chain = route(unremarkableContract().amountCny(new BigDecimal("5000000.00"))
                .liabilityCapCny(new BigDecimal("5000000.00")).build());

        assertThat(chain.levels()).containsExactly(
                new ApprovalLevel(1, ApprovalMode.ANY, List.of("sales-managers"), 24, List.of(SALES_MANAGER_RULE)),
                new ApprovalLevel(2, ApprovalMode.ALL, List.of("finance", "legal"), 48,
                        List.of("Contracts of 1,000,000 CNY or more need finance",
                                "Contracts of 500,000 CNY or more need legal")),
                new ApprovalLevel(3, ApprovalMode.ANY, List.of("directors"), 72,
                        List.of("Contracts of 5,000,000 CNY or more need a director")));
    }

    @Test
    void legalAloneIsAnAnyOneLevel() {
        ApprovalChain chain = route(unremarkableContract().changedClauseIds(List.of("liability")).build());

        assertThat(chain.levels()).extracting(ApprovalLevel::mode, ApprovalLevel::groups).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ApprovalMode.ANY, List.of("sales-managers")),
                org.assertj.core.groups.Tuple.tuple(ApprovalMode.ANY, List.of("legal")));
    }

    @Test
    void analystsCanRouteOnTheRiskAssessment() throws IOException {
        List<RuleSource> rules = new ArrayList<>(ProjectRules.ruleBase().sources());
        rules.add(new RuleSource("rules/high-risk.drl", """
                package dev.pactum.approval.routing;

                import dev.pactum.approval.ApprovalStep;
                import dev.pactum.approval.ApprovalMode;
                import dev.pactum.risk.RiskAssessment;
                import dev.pactum.risk.RiskLevel;

                rule "High-risk contracts need risk control"
                when
                    RiskAssessment( level == RiskLevel.HIGH )
                then
                    insert(new ApprovalStep(1, "risk-control", ApprovalMode.ANY, 12, drools.getRule().getName()));
                end
                """));
        RuleBase ruleBase = RuleBase.compile(rules);
        ContractFacts contract = unremarkableContract()
                .customerHasOverduePayments(true).customerEarlierContracts(0).paymentTermDays(120).build();

        PolicyDecision decision = ContractPolicy.decide(ruleBase, contract);
        RiskAssessment assessment = decision.risk();
        ApprovalChain chain = decision.chain();

        assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(chain.levels().get(0)).isEqualTo(new ApprovalLevel(1, ApprovalMode.ALL,
                List.of("risk-control", "sales-managers"), 12,
                List.of(SALES_MANAGER_RULE, "High-risk contracts need risk control")));
    }

    @Test
    void theThresholdsLiveInTheSpreadsheetAnalystsEdit() throws IOException {
        assertThat(Files.exists(Path.of("rules/approval-routing.xlsx"))).isTrue();
        assertThat(ProjectRules.ruleBase().sources()).extracting(RuleSource::name)
                .contains("rules/approval-routing.xlsx", "rules/approval-routing.drl", "rules/risk-scoring.drl");
    }

    private ApprovalChain route(ContractFacts contract) {
        return ContractPolicy.decide(ProjectRules.ruleBase(), contract).chain();
    }
}
