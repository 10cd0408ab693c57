package dev.pactum.contract;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lifecycle's status steps, each a one-line delegate over {@link ContractLifecycleService}. */
@Configuration(proxyBeanMethods = false)
public class ContractLifecycleDelegates {

    /** BPMN "Return to owner for revision": the owner gets the contract back with the approver's comment. */
    @Bean
    JavaDelegate returnContractToOwner(ContractLifecycleService lifecycle) {
        return execution -> {
            Contract contract = lifecycle.returnToOwner(ContractVariables.contractId(execution));
            execution.setVariables(ContractRevision.formVariablesOf(contract));
        };
    }

    /** BPMN "Apply revision": the owner's changes, checked, before the contract goes round again. */
    @Bean
    JavaDelegate applyContractRevision(ContractLifecycleService lifecycle) {
        return execution -> lifecycle.applyRevision(ContractVariables.contractId(execution),
                ContractRevision.fromFormVariables(execution.getVariables()));
    }

    /** BPMN "Activate contract". */
    @Bean
    JavaDelegate activateContract(ContractLifecycleService lifecycle) {
        return execution -> lifecycle.activate(ContractVariables.contractId(execution));
    }

    /** BPMN "Close as rejected". */
    @Bean
    JavaDelegate rejectContract(ContractLifecycleService lifecycle) {
        return execution -> lifecycle.reject(ContractVariables.contractId(execution));
    }
}
