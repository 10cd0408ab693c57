package dev.pactum.approval;

import dev.pactum.contract.ContractVariables;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.risk.ContractRiskService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Determine approval chain": the routing rules decide who approves, level by level. */
@Component("determineApprovalChain")
public class DetermineApprovalChain implements JavaDelegate {

    private final ContractRepository contracts;
    private final ContractRiskService risks;
    private final ApprovalService approvals;

    public DetermineApprovalChain(ContractRepository contracts, ContractRiskService risks,
                                  ApprovalService approvals) {
        this.contracts = contracts;
        this.risks = risks;
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Contract contract = contracts.findById(ContractVariables.contractId(execution)).orElseThrow();
        List<ApprovalLevelEntry> chain = approvals.startRound(contract, risks.recorded(contract));
        execution.setVariable("approvalRound", contract.getApprovalRound());
        execution.setVariable("approvalLevelCount", chain.size());
        execution.setVariable(ApprovalOutcome.VARIABLE, ApprovalOutcome.APPROVED.name());
    }
}
