package dev.pactum.approval;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractLifecycleService;
import dev.pactum.contract.ContractProcessRefusedException;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.ContractStatus;
import dev.pactum.process.ContractProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps after the approval levels: release for signing, close as rejected, return to the owner. Each acts only
 * when the approval record bears the outcome out: a gateway reads a variable, and a variable can be set by whoever may
 * update the instance, but the record is written only from approvers' own decisions.
 */
@Configuration(proxyBeanMethods = false)
class ApprovalOutcomeSteps {

    private final ContractLifecycleService lifecycle;
    private final ContractQueries contracts;
    private final ApprovalService approvals;

    ApprovalOutcomeSteps(ContractLifecycleService lifecycle, ContractQueries contracts, ApprovalService approvals) {
        this.lifecycle = lifecycle;
        this.contracts = contracts;
        this.approvals = approvals;
    }

    /** BPMN "Release for signing": approved by every level, or by the fast lane; it goes out for signature. */
    @Bean
    JavaDelegate releaseForSigning() {
        return execution -> {
            require(execution, ApprovalOutcome.APPROVED);
            lifecycle.startSigning(execution.getProcessInstanceId());
        };
    }

    /** BPMN "Close as rejected": a level rejected it, or its owner left a revision undone for 30 days. */
    @Bean
    JavaDelegate rejectContract() {
        return execution -> {
            Contract contract = contracts.ofProcess(execution.getProcessInstanceId());
            if (contract.getStatus() != ContractStatus.REVISING) {
                require(execution, ApprovalOutcome.REJECTED);
            }
            lifecycle.reject(execution.getProcessInstanceId());
        };
    }

    /** BPMN "Return to owner for revision": a level sent it back; the owner gets it with the approver's comment. */
    @Bean
    JavaDelegate returnContractToOwner() {
        return execution -> {
            require(execution, ApprovalOutcome.REVISE);
            Contract contract = lifecycle.returnToOwner(execution.getProcessInstanceId());
            execution.setVariables(contract.revisionFormVariables());
            // The revise task's assignee: the owner the database names, whatever a caller set before.
            execution.setVariable(Var.CONTRACT_OWNER, contract.getOwner());
        };
    }

    /** Amendment process "Apply amendment": approved by every level; the contract takes its values. */
    @Bean
    JavaDelegate applyAmendment() {
        return execution -> {
            require(execution, ApprovalOutcome.APPROVED);
            lifecycle.applyAmendment(execution.getProcessInstanceId());
        };
    }

    /** Amendment process "Close amendment as rejected": a level rejected it or sent it back; nothing changes. */
    @Bean
    JavaDelegate rejectAmendment() {
        return execution -> {
            Contract contract = contracts.ofProcess(execution.getProcessInstanceId());
            if (!approvals.recordShows(contract.getId(), contract.getApprovalRound(), ApprovalOutcome.REJECTED)) {
                require(execution, ApprovalOutcome.REVISE);
            }
            lifecycle.rejectAmendment(execution.getProcessInstanceId());
        };
    }

    private void require(DelegateExecution execution, ApprovalOutcome outcome) {
        Contract contract = contracts.ofProcess(execution.getProcessInstanceId());
        if (!approvals.recordShows(contract.getId(), contract.getApprovalRound(), outcome)) {
            throw new ContractProcessRefusedException("pactum.process.outcomeNotRecorded", contract.getNumber(),
                    outcome.name());
        }
    }
}
