package dev.pactum.document;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class RenderContractDocumentTest {

    private final ContractDocumentService documents = mock(ContractDocumentService.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);
    private final RenderContractDocument delegate = new RenderContractDocument(documents);

    @Test
    void rendersForTheContractOwnerAndPublishesTheVersion() {
        when(execution.getVariable("contractId")).thenReturn(42L);
        when(execution.getVariable("contractOwner")).thenReturn("zhangsan");
        when(documents.renderNewVersion(42L, "zhangsan")).thenReturn(info(3));

        delegate.execute(execution);

        verify(execution).setVariable("documentVersion", 3);
    }

    @Test
    void rendersAsSystemWhenNoOwnerIsKnown() {
        when(execution.getVariable("contractId")).thenReturn(42L);
        when(documents.renderNewVersion(42L, "system")).thenReturn(info(1));

        delegate.execute(execution);

        verify(execution).setVariable("documentVersion", 1);
    }

    private static DocumentVersionInfo info(int version) {
        return new DocumentVersionInfo(version, "0".repeat(64), 1000, Instant.now(), "x");
    }
}
