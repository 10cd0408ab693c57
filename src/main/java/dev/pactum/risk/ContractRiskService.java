package dev.pactum.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractFactsAssembler;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assesses a contract's risk and keeps the result, with the rule-set version, on the contract. */
@Service
public class ContractRiskService {

    private final RiskAssessmentService assessment;
    private final ContractFactsAssembler facts;
    private final ObjectMapper json;

    public ContractRiskService(RiskAssessmentService assessment, ContractFactsAssembler facts, ObjectMapper json) {
        this.assessment = assessment;
        this.facts = facts;
        this.json = json;
    }

    @Transactional
    public RiskAssessment assessAndRecord(Contract contract) {
        RiskAssessment risk = assessment.assess(facts.factsOf(contract));
        List<Map<String, Object>> findings = risk.findings().stream()
                .map(finding -> json.convertValue(finding, MAP))
                .toList();
        contract.recordRisk(risk.score(), risk.level().name(), findings, risk.ruleSetVersion());
        return risk;
    }

    /** The assessment last recorded on the contract, exactly as it was made (not re-run on today's rules). */
    public RiskAssessment recorded(Contract contract) {
        if (contract.getRiskLevel() == null) {
            throw new IllegalStateException("Contract " + contract.getNumber() + " has not been assessed");
        }
        List<RiskFinding> findings = contract.getRiskFindings().stream()
                .map(finding -> json.convertValue(finding, RiskFinding.class))
                .toList();
        return new RiskAssessment(contract.getRiskScore(), RiskLevel.valueOf(contract.getRiskLevel()), findings,
                contract.getRiskRuleSetVersion());
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };
}
