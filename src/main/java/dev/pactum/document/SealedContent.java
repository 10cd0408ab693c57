package dev.pactum.document;

/**
 * A document version's bytes as stored: AES-256-GCM ciphertext (with its tag) under key {@code keyId} and
 * {@code nonce}, or, for a version stored before encryption, the plain bytes with both null.
 */
public record SealedContent(String keyId, byte[] nonce, byte[] bytes) {

    public static SealedContent plain(byte[] bytes) {
        return new SealedContent(null, null, bytes);
    }

    public boolean encrypted() {
        return keyId != null;
    }
}
