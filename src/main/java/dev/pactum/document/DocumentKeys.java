package dev.pactum.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys stored documents are encrypted with, by id, and the one new versions are encrypted with (the active key).
 * Read from {@code pactum.documents.keys} and {@code pactum.documents.key-file} together.
 */
public final class DocumentKeys {

    private static final Logger log = LoggerFactory.getLogger(DocumentKeys.class);

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private DocumentKeys(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = Collections.unmodifiableSortedMap(new TreeMap<>(keys));
        this.activeKeyId = activeKeyId;
    }

    /**
     * The configured keys. The active key is {@code activeKey}, or the only key when there is one; null when neither
     * says (then documents can be read but not written: {@link #requireActive()} says why).
     *
     * @throws IllegalStateException when a key is malformed, an id is given two different keys, the active key is
     *                               not among the keys, or the key file cannot be read
     */
    public static DocumentKeys load(DocumentProperties properties) {
        Map<String, byte[]> raw = new TreeMap<>();
        properties.keys().forEach((id, base64) ->
                raw.put(id, DocumentKeyFile.decode(id, base64, "pactum.documents.keys")));
        if (!properties.keyFile().isBlank()) {
            Path file = Path.of(properties.keyFile()).toAbsolutePath().normalize();
            try {
                if (properties.createKeyFile()) {
                    String created = DocumentKeyFile.createIfMissing(file);
                    if (created != null) {
                        log.warn("Created the document key file {} with a new key '{}': keep a copy of it apart from"
                                + " the database, or the documents cannot be read after a loss", file,
                                created);
                    }
                }
                if (Files.exists(file)) {
                    DocumentKeyFile.read(file).forEach((id, key) -> {
                        byte[] other = raw.putIfAbsent(id, key);
                        if (other != null && !Arrays.equals(other, key)) {
                            throw new IllegalStateException("Document key '" + id + "' has one value in " + file
                                    + " and another in pactum.documents.keys");
                        }
                    });
                } else if (!properties.createKeyFile()) {
                    throw new IllegalStateException("The document key file " + file
                            + " (pactum.documents.key-file) does not exist");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the document key file " + file, e);
            }
        }
        Map<String, SecretKey> keys = new TreeMap<>();
        raw.forEach((id, key) -> keys.put(id, new SecretKeySpec(key, "AES")));
        String active = properties.activeKey().isBlank() ? (keys.size() == 1 ? keys.keySet().iterator().next() : null)
                : properties.activeKey();
        if (active != null && !keys.containsKey(active)) {
            throw new IllegalStateException("The active document key '" + active
                    + "' (pactum.documents.active-key) is not among the configured keys " + keys.keySet());
        }
        return new DocumentKeys(keys, active);
    }

    /** A key ring of the given keys (32 bytes each), for tests and tools. */
    static DocumentKeys of(Map<String, byte[]> keys, String activeKeyId) {
        Map<String, SecretKey> specs = new TreeMap<>();
        keys.forEach((id, key) -> specs.put(id, new SecretKeySpec(key, "AES")));
        return new DocumentKeys(specs, activeKeyId);
    }

    /** The configured key ids, in order. */
    public Set<String> ids() {
        return keys.keySet();
    }

    /** The active key's id, or null when none is configured or several are and none is named. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** The active key's id; says what to configure when there is none. */
    public String requireActive() {
        if (activeKeyId != null) {
            return activeKeyId;
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("No document encryption key is configured: set pactum.documents.key-file"
                    + " (with pactum.documents.create-key-file=true to create one) or pactum.documents.keys.<id>"
                    + " (README, \"Document encryption\")");
        }
        throw new IllegalStateException("Several document keys are configured " + keys.keySet()
                + ": name the one new documents use with pactum.documents.active-key");
    }

    /** Whether {@code id} names exactly this key (compared in constant time). */
    public boolean holds(String id, byte[] key) {
        return keys.containsKey(id) && MessageDigest.isEqual(keys.get(id).getEncoded(), key);
    }

    public boolean has(String id) {
        return keys.containsKey(id);
    }

    SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("The document key '" + id + "' is not configured " + keys.keySet());
        }
        return key;
    }
}
