package dev.pactum.contract;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lifecycle's own contract steps; those that follow an approval outcome are the approval feature's. */
@Configuration(proxyBeanMethods = false)
class ContractLifecycleDelegates {

    /** BPMN "Apply revision": the owner's changes, checked, before the contract goes round again. */
    @Bean
    JavaDelegate applyContractRevision(ContractLifecycleService lifecycle) {
        return execution -> lifecycle.applyRevision(execution.getProcessInstanceId(),
                ContractRevision.fromFormVariables(execution.getVariables()));
    }
}
