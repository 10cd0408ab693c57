package dev.pactum.document;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class RenderContractDocumentTest {

    private final ContractDocumentService documents = mock(ContractDocumentService.class);
    private final ContractQueries contracts = mock(ContractQueries.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);
    private final RenderContractDocument delegate = new RenderContractDocument(documents, contracts);

    @Test
    void rendersTheBoundContractForItsOwnerWhateverTheVariablesSay() {
        Contract contract = mock(Contract.class);
        when(contract.getId()).thenReturn(42L);
        when(contract.getOwner()).thenReturn("zhangsan");
        when(execution.getProcessInstanceId()).thenReturn("pi-1");
        when(contracts.ofProcess("pi-1")).thenReturn(contract);
        // What a caller could have put into the instance: neither is read.
        when(execution.getVariable("contractId")).thenReturn(7L);
        when(execution.getVariable("contractOwner")).thenReturn("attacker");
        when(documents.renderNewVersion(42L, "zhangsan")).thenReturn(info(3));

        delegate.execute(execution);

        verify(documents).renderNewVersion(42L, "zhangsan");
        verify(execution).setVariable("documentVersion", 3);
    }

    private static DocumentVersionInfo info(int version) {
        return new DocumentVersionInfo(version, DocumentKind.RENDERED, "0".repeat(64), 1000, Instant.now(), "x");
    }
}
