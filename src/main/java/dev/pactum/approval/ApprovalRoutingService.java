package dev.pactum.approval;

import java.util.List;

import dev.pactum.risk.RiskAssessment;
import dev.pactum.rules.ContractFacts;
import dev.pactum.rules.RuleBase;
import dev.pactum.rules.RuleResults;
import org.springframework.stereotype.Service;

/** Decides who must approve a contract with the rules in {@code rules/approval-routing.drl}. */
@Service
public class ApprovalRoutingService {

    /** The DRL package of the approval routing rules. */
    static final String RULE_PACKAGE = "dev.pactum.approval.routing";

    private final RuleBase ruleBase;

    public ApprovalRoutingService(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    public ApprovalChain route(ContractFacts contract, RiskAssessment risk) {
        RuleResults<ApprovalStep> steps = ruleBase.fire(RULE_PACKAGE, List.of(contract, risk), ApprovalStep.class);
        return ApprovalChain.of(steps.results(), steps.ruleSetVersion());
    }
}
