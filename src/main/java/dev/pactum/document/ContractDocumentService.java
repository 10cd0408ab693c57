package dev.pactum.document;

import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
    private final MeterRegistry meters;

    public ContractDocumentService(ContractQueries contracts, ContractDocumentVersionRepository versions,
                                   ContractTemplates templates, ClauseLibrary clauseLibrary, PdfRenderer pdfRenderer,
                                   PactumProperties properties, Clock clock, MeterRegistry meters) {
        this.contracts = contracts;
        this.versions = versions;
        this.templates = templates;
        this.clauseLibrary = clauseLibrary;
        this.pdfRenderer = pdfRenderer;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
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
        byte[] pdf = renderTimer(contract.getTemplateKey()).record(
                () -> pdfRenderer.toPdf(templates.renderXhtml(contract.getTemplateKey(), model)));

        int next = versions.findLatestVersionNumber(contractId) + 1;
        ContractDocumentVersion stored = versions.save(new ContractDocumentVersion(contractId, next,
                contract.getTemplateKey(), DocumentKind.RENDERED, PDF, pdf, sha256Hex(pdf), user, clock.instant()));
        return stored.info();
    }

    /** Template to PDF, per template (a handful): the time a submit and every revision spend rendering. */
    private Timer renderTimer(String templateKey) {
        return Timer.builder("pactum.document.render").description("Rendering a contract's PDF from its template")
                .tag("template", templateKey).publishPercentileHistogram().register(meters);
    }

    /**
     * Stores a PDF made from the latest version (signed by the company, or signed back by the counterparty) as the
     * next version, as immutable as a rendered one.
     *
     * @throws NoSuchElementException when the contract has no version to derive it from
     */
    public DocumentVersionInfo storeSignedVersion(long contractId, DocumentKind kind, byte[] pdf, String user) {
        if (kind == DocumentKind.RENDERED) {
            throw new IllegalArgumentException("a rendered version is made by renderNewVersion");
        }
        versions.lockContract(contractId)
                .orElseThrow(() -> new NoSuchElementException("no contract with id " + contractId));
        ContractDocumentVersionRepository.Latest latest = versions.findLatest(contractId)
                .orElseThrow(() -> new NoSuchElementException("contract " + contractId + " has no document"));
        ContractDocumentVersion stored = versions.save(new ContractDocumentVersion(contractId,
                latest.version() + 1, latest.templateKey(), kind, PDF, pdf, sha256Hex(pdf), user, clock.instant()));
        return stored.info();
    }

    @Transactional(readOnly = true)
    public List<DocumentVersionInfo> versions(long contractId) {
        return versions.findInfos(contractId);
    }

    @Transactional(readOnly = true)
    public Optional<StoredDocument> latest(long contractId) {
        return versions.findFirstByContractIdOrderByVersionDesc(contractId).map(ContractDocumentService::stored);
    }

    /** The newest version of a kind, e.g. the one the company signed. */
    @Transactional(readOnly = true)
    public Optional<StoredDocument> latest(long contractId, DocumentKind kind) {
        return versions.findFirstByContractIdAndKindOrderByVersionDesc(contractId, kind)
                .map(ContractDocumentService::stored);
    }

    private static StoredDocument stored(ContractDocumentVersion v) {
        return new StoredDocument(v.getVersion(), v.getKind(), v.getTemplateKey(), v.getContentType(),
                v.getContent(), v.getSha256());
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
