package dev.pactum.policy;

import dev.pactum.approval.ApprovalChain;
import dev.pactum.risk.RiskAssessment;
import java.util.Objects;

/** What the policy decided for one contract: how risky it is, and who must approve it given that risk. */
public record PolicyDecision(RiskAssessment risk, ApprovalChain chain) {

    public PolicyDecision {
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(chain, "chain");
    }
}
