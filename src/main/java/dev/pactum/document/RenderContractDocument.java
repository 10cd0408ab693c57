package dev.pactum.document;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.process.ContractProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN service task {@code ${renderContractDocument}}: renders a new document version of the contract bound to
 * the instance, recorded as made for its owner, and writes its number to {@code documentVersion}.
 */
@Component("renderContractDocument")
class RenderContractDocument implements JavaDelegate {

    private final ContractDocumentService documents;
    private final ContractQueries contracts;

    RenderContractDocument(ContractDocumentService documents, ContractQueries contracts) {
        this.documents = documents;
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Contract contract = contracts.ofProcess(execution.getProcessInstanceId());
        DocumentVersionInfo rendered = documents.renderNewVersion(contract.getId(), contract.getOwner());
        execution.setVariable(Var.DOCUMENT_VERSION, rendered.version());
    }
}
