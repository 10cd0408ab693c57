package dev.pactum.document;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One rendered version of a contract's document. Written once, never changed: Hibernate treats it as
 * read-only and a database trigger refuses updates and deletes (only a key rotation may re-encrypt its bytes, see
 * {@link StoredDocuments#rotateTo}). Listing versions goes through
 * {@link ContractDocumentVersionRepository#findInfos} so the bytes stay in the database.
 *
 * <p>The bytes are stored encrypted: {@link DocumentSealing} seals them just before the insert and opens them just
 * after a load, so whatever stores or reads a version through JPA never handles the ciphertext, and a version whose
 * sealing was skipped cannot be inserted ({@code content} is not null). Size and sha-256 are the plain document's.
 */
@Entity
@Immutable
@EntityListeners(DocumentSealing.class)
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

    /** As stored: the ciphertext, or the plain bytes of a version from before encryption. */
    private byte[] content;
    private String contentKeyId;
    private byte[] contentNonce;
    /** The document itself, as rendered. */
    @Transient
    private byte[] document;

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
        this.document = content.clone();
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
    public byte[] getContent() { return document.clone(); }
    /** The key the stored bytes are encrypted with; null for a version stored before encryption. */
    public String getContentKeyId() { return contentKeyId; }
    public int getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }

    void seal(DocumentCipher cipher) {
        SealedContent sealed = cipher.seal(document, contractId, version);
        content = sealed.bytes();
        contentKeyId = sealed.keyId();
        contentNonce = sealed.nonce();
    }

    void open(DocumentCipher cipher) {
        document = cipher.open(new SealedContent(contentKeyId, contentNonce, content), contractId, version, sha256);
    }

    DocumentVersionInfo info() {
        return new DocumentVersionInfo(version, kind, sha256, sizeBytes, createdAt, createdBy);
    }
}
