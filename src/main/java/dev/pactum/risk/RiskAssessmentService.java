package dev.pactum.risk;

import java.util.List;

import dev.pactum.rules.ContractFacts;
import dev.pactum.rules.RuleBase;
import dev.pactum.rules.RuleResults;
import org.springframework.stereotype.Service;

/** Scores a contract's risk with the rules in {@code rules/risk-scoring.drl}. */
@Service
public class RiskAssessmentService {

    /** The DRL package of the risk scoring rules. */
    public static final String RULE_PACKAGE = "dev.pactum.risk.scoring";

    private final RuleBase ruleBase;

    public RiskAssessmentService(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    public RiskAssessment assess(ContractFacts contract) {
        RuleResults<RiskFinding> findings = ruleBase.fire(RULE_PACKAGE, List.of(contract), RiskFinding.class);
        return RiskAssessment.of(findings.results(), findings.ruleSetVersion());
    }
}
