package dev.pactum.document;

import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Renders a contract into a new immutable PDF version and reads stored versions back. */
@Service
@Transactional
public class ContractDocumentService {

    static final String PDF = "application/pdf";

    private final ContractQueries contracts;
    private final ContractDocumentVersionRepository versions;
    private final ContractTemplates templates;
    private final ClauseLibrary clauseLibrary;
    private final PdfRenderer pdfRenderer;
    private final PactumProperties properties;
    private final Clock clock;

    public ContractDocumentService(ContractQueries contracts, ContractDocumentVersionRepository versions,
                                   ContractTemplates templates, ClauseLibrary clauseLibrary, PdfRenderer pdfRenderer,
                                   PactumProperties properties, Clock clock) {
        this.contracts = contracts;
        this.versions = versions;
        this.templates = templates;
        this.clauseLibrary = clauseLibrary;
        this.pdfRenderer = pdfRenderer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Renders the contract with its template, negotiated clause texts and terms, and stores the PDF as the next version (1, 2, …).
     *
     * @throws NoSuchElementException when there is no such contract
     * @throws ContractTemplates.UnknownTemplateException when the contract names a template that does not exist
     */
    public DocumentVersionInfo renderNewVersion(long contractId, String user) {
        versions.lockContract(contractId)
                .orElseThrow(() -> new NoSuchElementException("no contract with id " + contractId));
        Contract contract = contracts.get(contractId);
        // A negotiated text that says exactly what the standard says is printed, and marked, as standard.
        List<String> changed = clauseLibrary.changedClauses(contract);
        Map<String, String> negotiated = new LinkedHashMap<>(contract.getClauses());
        negotiated.keySet().retainAll(changed);
        ContractDocumentModel model = ContractDocumentModel.of(contract, properties.companyName())
                .withNegotiatedClauses(negotiated);
        byte[] pdf = pdfRenderer.toPdf(templates.renderXhtml(contract.getTemplateKey(), model));

        int next = versions.findLatestVersionNumber(contractId) + 1;
        ContractDocumentVersion stored = versions.save(new ContractDocumentVersion(contractId, next,
                contract.getTemplateKey(), PDF, pdf, sha256Hex(pdf), user, clock.instant()));
        return stored.info();
    }

    @Transactional(readOnly = true)
    public List<DocumentVersionInfo> versions(long contractId) {
        return versions.findInfos(contractId);
    }

    @Transactional(readOnly = true)
    public Optional<StoredDocument> latest(long contractId) {
        return versions.findFirstByContractIdOrderByVersionDesc(contractId)
                .map(v -> new StoredDocument(v.getVersion(), v.getTemplateKey(), v.getContentType(), v.getContent(),
                        v.getSha256()));
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
