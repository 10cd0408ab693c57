package dev.pactum.document;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One rendered version of a contract's document. Written once, never changed: Hibernate treats it as
 * read-only and a database trigger refuses updates and deletes. Listing versions goes through
 * {@link ContractDocumentVersionRepository#findInfos} so the bytes stay in the database.
 */
@Entity
@Immutable
@Table(name = "contract_document_version")
public class ContractDocumentVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long contractId;
    private int version;
    private String templateKey;
    private String contentType;

    @Enumerated(EnumType.STRING)
    private DocumentKind kind;

    private byte[] content;

    private int sizeBytes;
    private String sha256;
    private String createdBy;
    private Instant createdAt;

    protected ContractDocumentVersion() {
    }

    ContractDocumentVersion(long contractId, int version, String templateKey, DocumentKind kind, String contentType,
                            byte[] content, String sha256, String createdBy, Instant createdAt) {
        this.contractId = contractId;
        this.version = version;
        this.templateKey = templateKey;
        this.kind = kind;
        this.contentType = contentType;
        this.content = content.clone();
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getContractId() { return contractId; }
    public int getVersion() { return version; }
    public String getTemplateKey() { return templateKey; }
    public String getContentType() { return contentType; }
    public DocumentKind getKind() { return kind; }
    public byte[] getContent() { return content.clone(); }
    public int getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }

    DocumentVersionInfo info() {
        return new DocumentVersionInfo(version, kind, sha256, sizeBytes, createdAt, createdBy);
    }
}
