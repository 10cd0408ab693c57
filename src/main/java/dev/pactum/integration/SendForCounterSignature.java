package dev.pactum.integration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Send for counterparty signature" ({@code ${sendForCounterSignature}}): what it sends, and where, comes from
 * the contract bound to the instance and its signing record, never from a variable.
 */
@Component("sendForCounterSignature")
class SendForCounterSignature implements JavaDelegate {

    private final ESignatureFlows flows;

    SendForCounterSignature(ESignatureFlows flows) {
        this.flows = flows;
    }

    @Override
    public void execute(DelegateExecution execution) {
        flows.send(execution.getProcessInstanceId());
    }
}
