package dev.pactum.document;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts document versions with AES-256-GCM (the JDK's own provider): a fresh random 96-bit nonce per sealing,
 * a 128-bit tag, and the version's identity (contract id and version number) as associated data, so a ciphertext
 * copied onto another row fails authentication instead of showing another contract's document.
 */
public final class DocumentCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final DocumentKeys keys;
    private final SecureRandom random = new SecureRandom();

    public DocumentCipher(DocumentKeys keys) {
        this.keys = keys;
    }

    public DocumentKeys keys() {
        return keys;
    }

    /** Encrypts a new version's bytes under the active key. */
    public SealedContent seal(byte[] plain, long contractId, int version) {
        return seal(plain, contractId, version, keys.requireActive());
    }

    SealedContent seal(byte[] plain, long contractId, int version, String keyId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(contractId, version));
            return new SealedContent(keyId, nonce, cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * The version's original bytes, checked against its sha-256 (the document's identity), whether it was stored
     * encrypted or, before encryption came, in plain.
     *
     * @throws DocumentUnreadableException when its key is not configured, authentication fails or the hash differs
     */
    public byte[] open(SealedContent sealed, long contractId, int version, String sha256) {
        byte[] plain = sealed.encrypted() ? decrypt(sealed, contractId, version) : sealed.bytes().clone();
        if (!ContractDocumentService.sha256Hex(plain).equals(sha256)) {
            throw new DocumentUnreadableException(contractId, version, "its bytes do not match its sha-256");
        }
        return plain;
    }

    private byte[] decrypt(SealedContent sealed, long contractId, int version) {
        if (!keys.has(sealed.keyId())) {
            throw new DocumentUnreadableException(contractId, version,
                    "its key '" + sealed.keyId() + "' is not configured " + keys.ids());
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, keys.key(sealed.keyId()), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData(contractId, version));
            return cipher.doFinal(sealed.bytes());
        } catch (AEADBadTagException e) {
            throw new DocumentUnreadableException(contractId, version, "authentication under key '" + sealed.keyId()
                    + "' failed (the stored bytes were changed or belong to another version, or the key is wrong)");
        } catch (GeneralSecurityException e) {
            throw new DocumentUnreadableException(contractId, version, e.getMessage());
        }
    }

    /**
     * Encrypts a small secret another feature must read back (a webhook's signing secret) under the active key,
     * bound to {@code context} (the row it belongs to), so it cannot be moved to another row.
     */
    public SealedContent sealSecret(byte[] plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String keyId = keys.requireActive();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(secretContext(context));
            return new SealedContent(keyId, nonce, cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * The secret {@link #sealSecret} sealed for {@code context}.
     *
     * @throws IllegalStateException when its key is not configured or authentication fails
     */
    public byte[] openSecret(SealedContent sealed, String context) {
        if (!keys.has(sealed.keyId())) {
            throw new IllegalStateException("The secret of " + context + " is sealed with key '" + sealed.keyId()
                    + "', which is not configured " + keys.ids());
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, keys.key(sealed.keyId()), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(secretContext(context));
            return cipher.doFinal(sealed.bytes());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The secret of " + context + " does not open under key '"
                    + sealed.keyId() + "' (changed, moved, or the key is wrong)", e);
        }
    }

    private static byte[] secretContext(String context) {
        return ("pactum:secret:" + context).getBytes(StandardCharsets.UTF_8);
    }

    /** What ties a ciphertext to its row: the (contract, version) pair is unique and known before the insert. */
    static byte[] associatedData(long contractId, int version) {
        return ("pactum:contract_document_version:" + contractId + ":" + version).getBytes(StandardCharsets.US_ASCII);
    }
}
