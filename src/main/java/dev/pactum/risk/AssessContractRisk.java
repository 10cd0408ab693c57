package dev.pactum.risk;

import dev.pactum.contract.ContractVariables;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Assess risk": scores the contract with the risk rules; the approval form shows the result. */
@Component("assessContractRisk")
public class AssessContractRisk implements JavaDelegate {

    private final ContractRepository contracts;
    private final ContractRiskService risks;

    public AssessContractRisk(ContractRepository contracts, ContractRiskService risks) {
        this.contracts = contracts;
        this.risks = risks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Contract contract = contracts.findById(ContractVariables.contractId(execution)).orElseThrow();
        RiskAssessment risk = risks.assessAndRecord(contract);
        execution.setVariable("riskScore", risk.score());
        execution.setVariable("riskLevel", risk.level().name());
        execution.setVariable("riskSummary", summary(risk));
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
