package dev.pactum.policy;

import dev.pactum.approval.ApprovalChain;
import dev.pactum.approval.ApprovalStep;
import dev.pactum.approval.FastLane;
import dev.pactum.risk.RiskAssessment;
import dev.pactum.risk.RiskFinding;
import dev.pactum.rules.RuleBase;
import dev.pactum.rules.RuleOutcome;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Pactum's contract policy, the one function from a contract's facts to its risk and then to who must approve it.
 * The lifecycle process, the rule fixtures and the what-if replay all decide through {@link #decide}, so what a
 * fixture or a replay shows is what the process does.
 * <ol>
 * <li>Risk: the rules of {@code rules/risk-scoring.drl} insert {@link RiskFinding}s; their points make the score.</li>
 * <li>Routing: the decision table {@code rules/approval-routing.xlsx} and the structural rules of
 * {@code rules/approval-routing.drl}, given the facts and that risk, insert {@link ApprovalStep}s or a
 * {@link FastLane}.</li>
 * </ol>
 */
@Service
public class ContractPolicy {

    /** The DRL package of the risk scoring rules. */
    public static final String RISK_RULES = "dev.pactum.risk.scoring";
    /** The DRL package (and decision table RuleSet) of the approval routing rules. */
    public static final String ROUTING_RULES = "dev.pactum.approval.routing";

    private final RuleBase rules;

    public ContractPolicy(RuleBase rules) {
        this.rules = rules;
    }

    /** Decides on the live rules, both steps on the same rule-set version. */
    public PolicyDecision decide(ContractFacts contract) {
        return decide(rules.pinned(), contract);
    }

    /** Decides on {@code rules}: the live ones, a candidate being checked against fixtures, or a what-if set. */
    public static PolicyDecision decide(RuleBase rules, ContractFacts contract) {
        RiskAssessment risk = assessRisk(rules, contract);
        return new PolicyDecision(risk, route(rules, contract, risk));
    }

    private static RiskAssessment assessRisk(RuleBase rules, ContractFacts contract) {
        RuleOutcome outcome = rules.fire(RISK_RULES, List.of(contract));
        return RiskAssessment.of(outcome.resultsOf(RiskFinding.class), outcome.ruleSetVersion());
    }

    private static ApprovalChain route(RuleBase rules, ContractFacts contract, RiskAssessment risk) {
        RuleOutcome outcome = rules.fire(ROUTING_RULES, List.of(contract, risk));
        List<FastLane> fastLanes = outcome.resultsOf(FastLane.class);
        List<ApprovalStep> steps = outcome.resultsOf(ApprovalStep.class);
        if (!fastLanes.isEmpty() && steps.isEmpty()) {
            String rule = fastLanes.stream().map(FastLane::rule).min(Comparator.naturalOrder()).orElseThrow();
            return ApprovalChain.fastLane(rule, outcome.ruleSetVersion());
        }
        return ApprovalChain.of(steps, outcome.ruleSetVersion());
    }
}
