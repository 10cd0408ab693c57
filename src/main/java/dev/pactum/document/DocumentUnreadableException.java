package dev.pactum.document;

/**
 * A stored version that cannot be given back as it was stored: its key is missing, its ciphertext fails
 * authentication (changed, or moved from another row), or its bytes no longer match their sha-256. A server fault,
 * never the caller's: the message names the version and the key id, never key material.
 */
public class DocumentUnreadableException extends IllegalStateException {

    DocumentUnreadableException(long contractId, int version, String reason) {
        super("Document version " + version + " of contract " + contractId + " cannot be read: " + reason);
    }
}
