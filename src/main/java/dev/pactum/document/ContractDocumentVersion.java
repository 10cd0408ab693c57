package dev.pactum.document;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One rendered version of a contract's document. Written once, never changed: Hibernate treats it as
 * read-only and a database trigger refuses updates and deletes (only a key rotation may re-encrypt its bytes, see
 * {@link StoredDocuments#rotateTo}). Listing versions goes through
 * {@link ContractDocumentVersionRepository#findInfos} so the bytes stay in the database. The bytes are stored
 * encrypted ({@link DocumentCipher}); size and sha-256 are the plain document's.
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

    private byte[] content;
    private String contentKeyId;
    private byte[] contentNonce;

    private int sizeBytes;
    private String sha256;
    private String createdBy;
    private Instant createdAt;

    protected ContractDocumentVersion() {
    }

    ContractDocumentVersion(long contractId, int version, String templateKey, String contentType, SealedContent content,
                            int sizeBytes, String sha256, String createdBy, Instant createdAt) {
        this.contractId = contractId;
        this.version = version;
        this.templateKey = templateKey;
        this.contentType = contentType;
        this.content = content.bytes().clone();
        this.contentKeyId = content.keyId();
        this.contentNonce = content.nonce() == null ? null : content.nonce().clone();
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getContractId() { return contractId; }
    public int getVersion() { return version; }
    public String getTemplateKey() { return templateKey; }
    public String getContentType() { return contentType; }
    /** The key the bytes are encrypted with; null for a version stored before encryption. */
    public String getContentKeyId() { return contentKeyId; }
    public int getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }

    /** The document's bytes as rendered, checked against the sha-256. */
    byte[] content(DocumentCipher cipher) {
        return cipher.open(new SealedContent(contentKeyId, contentNonce, content), contractId, version, sha256);
    }

    DocumentVersionInfo info() {
        return new DocumentVersionInfo(version, sha256, sizeBytes, createdAt, createdBy);
    }
}
