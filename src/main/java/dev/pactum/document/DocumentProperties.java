package dev.pactum.document;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keys that encrypt stored documents come from (prefix {@code pactum.documents}); README, "Document
 * encryption".
 *
 * @param keys          key id → base64 of 32 random bytes (AES-256), e.g. from the environment
 *                      ({@code PACTUM_DOCUMENTS_KEYS_K2026=...})
 * @param keyFile       a file of {@code <key id>=<base64>} lines; read together with {@code keys}
 * @param createKeyFile create {@code keyFile} with one fresh key when it does not exist (the dev profile does)
 * @param activeKey     the key new versions are encrypted with; may be left out when there is only one key
 */
@ConfigurationProperties(prefix = "pactum.documents")
public record DocumentProperties(
        Map<String, String> keys,
        @DefaultValue("") String keyFile,
        @DefaultValue("false") boolean createKeyFile,
        @DefaultValue("") String activeKey) {

    public DocumentProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
