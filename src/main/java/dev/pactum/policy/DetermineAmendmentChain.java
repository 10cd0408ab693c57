package dev.pactum.policy;

import dev.pactum.approval.ApprovalOutcome;
import dev.pactum.approval.ApprovalService;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractAmendments;
import dev.pactum.contract.ContractLifecycleService;
import dev.pactum.process.ContractProcess.Var;
import dev.pactum.risk.RiskRecords;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN business rule task "Assess amendment, determine approval chain" (amendment process): the same policy as a new
 * contract's, on the contract as the amendment would leave it (its new totals) and on what changed (its amount
 * before, so rules can read the increase). The amendment gets its own approval round of the contract.
 */
@Component("determineAmendmentChain")
class DetermineAmendmentChain implements JavaDelegate {

    private final ContractLifecycleService lifecycle;
    private final ContractAmendments amendments;
    private final ContractFactsAssembler facts;
    private final ContractPolicy policy;
    private final RiskRecords risks;
    private final ApprovalService approvals;

    DetermineAmendmentChain(ContractLifecycleService lifecycle, ContractAmendments amendments,
                            ContractFactsAssembler facts, ContractPolicy policy, RiskRecords risks,
                            ApprovalService approvals) {
        this.lifecycle = lifecycle;
        this.amendments = amendments;
        this.facts = facts;
        this.policy = policy;
        this.risks = risks;
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Contract contract = lifecycle.startAmendmentRound(execution.getProcessInstanceId());
        Contract amended = amendments.amendedCopy(contract, amendments.ofProcess(execution.getProcessInstanceId()));
        PolicyDecision decision = policy.decide(facts.factsOfAmendment(contract, amended));
        risks.record(contract.getId(), contract.getApprovalRound(), decision.risk());
        int levels = approvals.startRound(contract.getId(), contract.getApprovalRound(), decision.chain());
        execution.setVariable(Var.RISK_SCORE, decision.risk().score());
        execution.setVariable(Var.RISK_LEVEL, decision.risk().level().name());
        execution.setVariable(Var.RISK_SUMMARY, DetermineApprovalChain.summary(decision.risk()));
        execution.setVariable(Var.APPROVAL_ROUND, contract.getApprovalRound());
        execution.setVariable(Var.APPROVAL_LEVEL_COUNT, levels);
        execution.setVariable(Var.APPROVAL_OUTCOME, ApprovalOutcome.APPROVED.name());
    }
}
