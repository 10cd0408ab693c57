package dev.pactum.approval;

import java.util.Comparator;
import java.util.List;

import dev.pactum.risk.RiskAssessment;
import dev.pactum.rules.ContractFacts;
import dev.pactum.rules.RuleBase;
import dev.pactum.rules.RuleOutcome;
import org.springframework.stereotype.Service;

/**
 * Decides who must approve a contract with the routing rules: the thresholds and groups in
 * {@code rules/approval-routing.xlsx} and the structural rules in {@code rules/approval-routing.drl}.
 */
@Service
public class ApprovalRoutingService {

    /** The DRL package (and decision table RuleSet) of the approval routing rules. */
    public static final String RULE_PACKAGE = "dev.pactum.approval.routing";

    private final RuleBase ruleBase;

    public ApprovalRoutingService(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    public ApprovalChain route(ContractFacts contract, RiskAssessment risk) {
        RuleOutcome outcome = ruleBase.fire(RULE_PACKAGE, List.of(contract, risk));
        List<FastLane> fastLanes = outcome.resultsOf(FastLane.class);
        List<ApprovalStep> steps = outcome.resultsOf(ApprovalStep.class);
        if (!fastLanes.isEmpty() && steps.isEmpty()) {
            String rule = fastLanes.stream().map(FastLane::rule).min(Comparator.naturalOrder()).orElseThrow();
            return ApprovalChain.fastLane(rule, outcome.ruleSetVersion());
        }
        return ApprovalChain.of(steps, outcome.ruleSetVersion());
    }
}
