package dev.pactum.policy;

import dev.pactum.approval.ApprovalOutcome;
import dev.pactum.approval.ApprovalService;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractLifecycleService;
import dev.pactum.process.ContractProcess;
import dev.pactum.process.ContractProcess.Var;
import dev.pactum.risk.RiskAssessment;
import dev.pactum.risk.RiskRecords;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN business rule task "Assess risk, determine approval chain": the policy scores the contract and decides who
 * approves it; the risk is kept with the contract, the chain starts a new approval round, and the gateway after
 * the task reads {@value ContractProcess.Var#APPROVAL_LEVEL_COUNT} (none: the fast lane approved it).
 */
@Component("determineApprovalChain")
class DetermineApprovalChain implements JavaDelegate {

    private final ContractLifecycleService lifecycle;
    private final ContractFactsAssembler facts;
    private final ContractPolicy policy;
    private final RiskRecords risks;
    private final ApprovalService approvals;

    DetermineApprovalChain(ContractLifecycleService lifecycle, ContractFactsAssembler facts, ContractPolicy policy,
                           RiskRecords risks, ApprovalService approvals) {
        this.lifecycle = lifecycle;
        this.facts = facts;
        this.policy = policy;
        this.risks = risks;
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Contract contract = lifecycle.startApprovalRound(execution.getProcessInstanceId());
        PolicyDecision decision = policy.decide(facts.factsOf(contract));
        risks.record(contract.getId(), contract.getApprovalRound(), decision.risk());
        int levels = approvals.startRound(contract.getId(), contract.getApprovalRound(), decision.chain());
        execution.setVariable(Var.RISK_SCORE, decision.risk().score());
        execution.setVariable(Var.RISK_LEVEL, decision.risk().level().name());
        execution.setVariable(Var.RISK_SUMMARY, summary(decision.risk()));
        execution.setVariable(Var.APPROVAL_ROUND, contract.getApprovalRound());
        execution.setVariable(Var.APPROVAL_LEVEL_COUNT, levels);
        execution.setVariable(Var.APPROVAL_OUTCOME, ApprovalOutcome.APPROVED.name());
    }

    /** Markdown for the approval form: one line per finding, both languages. */
    static String summary(RiskAssessment risk) {
        if (risk.findings().isEmpty()) {
            return "未发现风险 · No risk findings";
        }
        return risk.findings().stream()
                .map(f -> "- **+%d** %s · %s _(%s)_".formatted(f.points(), f.messageZh(), f.messageEn(), f.rule()))
                .collect(Collectors.joining("\n"));
    }
}
