package dev.pactum.document;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import org.springframework.stereotype.Component;

/**
 * Encrypts a document version as it is inserted and decrypts it as it is loaded (Hibernate asks Spring for this
 * listener, so it gets the cipher). Every way of storing a version through JPA, today's renders and whatever comes
 * next, is encrypted without knowing it.
 */
@Component
class DocumentSealing {

    private final DocumentCipher cipher;

    DocumentSealing(DocumentCipher cipher) {
        this.cipher = cipher;
    }

    @PrePersist
    void seal(ContractDocumentVersion version) {
        version.seal(cipher);
    }

    @PostLoad
    void open(ContractDocumentVersion version) {
        version.open(cipher);
    }
}
