package dev.pactum.document;

import dev.pactum.process.ContractProcess;
import dev.pactum.process.ContractProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN service task {@code ${renderContractDocument}}: reads {@code contractId} (and {@code contractOwner}, the
 * user the version is recorded for; "system" when absent), renders a new document version, and writes its
 * number to {@code documentVersion}.
 */
@Component("renderContractDocument")
class RenderContractDocument implements JavaDelegate {

    private final ContractDocumentService documents;

    public RenderContractDocument(ContractDocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long contractId = ContractProcess.contractId(execution);
        Object owner = execution.getVariable(Var.CONTRACT_OWNER);
        String user = owner == null ? "system" : owner.toString();
        DocumentVersionInfo rendered = documents.renderNewVersion(contractId, user);
        execution.setVariable(Var.DOCUMENT_VERSION, rendered.version());
    }
}
