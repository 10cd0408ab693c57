package dev.pactum.contract;

import dev.pactum.process.ContractProcess;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lifecycle's status steps, each a one-line delegate over {@link ContractLifecycleService}. */
@Configuration(proxyBeanMethods = false)
class ContractLifecycleDelegates {

    /** BPMN "Return to owner for revision": the owner gets the contract back with the approver's comment. */
    @Bean
    JavaDelegate returnContractToOwner(ContractLifecycleService lifecycle) {
        return execution -> {
            Contract contract = lifecycle.returnToOwner(ContractProcess.contractId(execution));
            execution.setVariables(ContractRevision.formVariablesOf(contract));
        };
    }

    /** BPMN "Apply revision": the owner's changes, checked, before the contract goes round again. */
    @Bean
    JavaDelegate applyContractRevision(ContractLifecycleService lifecycle) {
        return execution -> lifecycle.applyRevision(ContractProcess.contractId(execution),
                ContractRevision.fromFormVariables(execution.getVariables()));
    }

    /** BPMN "Activate contract". */
    @Bean
    JavaDelegate activateContract(ContractLifecycleService lifecycle) {
        return execution -> lifecycle.activate(ContractProcess.contractId(execution));
    }

    /** BPMN "Close as rejected". */
    @Bean
    JavaDelegate rejectContract(ContractLifecycleService lifecycle) {
        return execution -> lifecycle.reject(ContractProcess.contractId(execution));
    }
}
