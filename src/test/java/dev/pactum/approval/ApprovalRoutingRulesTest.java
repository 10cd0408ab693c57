package dev.pactum.approval;

import static dev.pactum.rules.ProjectRules.unremarkableContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.pactum.risk.RiskAssessment;
import dev.pactum.risk.RiskAssessmentService;
import dev.pactum.risk.RiskLevel;
import dev.pactum.rules.ContractFacts;
import dev.pactum.rules.ProjectRules;
import dev.pactum.rules.RuleBase;
import dev.pactum.rules.RuleSource;
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

    @Test
    void analystsCanRouteOnTheRiskAssessment() throws IOException {
        List<RuleSource> rules = new ArrayList<>();
        rules.add(new RuleSource("rules/approval-routing.drl", Files.readString(Path.of("rules/approval-routing.drl"))));
        rules.add(new RuleSource("rules/risk-scoring.drl", Files.readString(Path.of("rules/risk-scoring.drl"))));
        rules.add(new RuleSource("rules/high-risk.drl", """
                package dev.pactum.approval.routing;

                import dev.pactum.approval.ApprovalStep;
                import dev.pactum.approval.ApprovalMode;
                import dev.pactum.risk.RiskAssessment;
                import dev.pactum.risk.RiskLevel;

                rule "High-risk contracts need risk control to countersign"
                when
                    RiskAssessment( level == RiskLevel.HIGH )
                then
                    insert(new ApprovalStep(1, "risk-control", ApprovalMode.ALL, 12, drools.getRule().getName()));
                end
                """));
        RuleBase ruleBase = RuleBase.compile(rules);
        ContractFacts contract = unremarkableContract()
                .customerHasOverduePayments(true).customerEarlierContracts(0).paymentTermDays(120).build();

        RiskAssessment assessment = new RiskAssessmentService(ruleBase).assess(contract);
        ApprovalChain chain = new ApprovalRoutingService(ruleBase).route(contract, assessment);

        assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(chain.levels()).containsExactly(new ApprovalLevel(1, ApprovalMode.ALL,
                List.of("risk-control", "sales-managers"), 12,
                List.of(SALES_MANAGER_RULE, "High-risk contracts need risk control to countersign")));
    }

    private ApprovalChain route(ContractFacts contract) {
        RiskAssessment assessment = risk.assess(contract);
        return routing.route(contract, assessment);
    }
}
