package dev.pactum.document;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The document keys, the cipher, and a start-up check that every stored version's key is at hand. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentEncryptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DocumentEncryptionConfiguration.class);

    @Bean
    DocumentCipher documentCipher(DocumentProperties properties) {
        DocumentKeys keys = DocumentKeys.load(properties);
        // Refuse to start rather than fail at the first render: a contract must never be left without its document.
        keys.requireActive();
        return new DocumentCipher(keys);
    }

    @Bean
    StoredDocuments storedDocuments(DataSource dataSource, DocumentCipher cipher) {
        return new StoredDocuments(dataSource, cipher);
    }

    /**
     * Runs once every bean (Flyway's migration included) is ready: a version whose key is missing could not be shown
     * or signed, so the app does not start without it; versions stored before encryption are worth a warning.
     */
    @Bean
    SmartInitializingSingleton documentKeysCover(StoredDocuments documents, DocumentCipher cipher) {
        return () -> {
            Map<String, Long> usage;
            try {
                usage = documents.keyUsage();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read which keys the stored documents use", e);
            }
            Set<String> missing = new TreeSet<>(usage.keySet());
            missing.remove(StoredDocuments.PLAIN);
            missing.removeAll(cipher.keys().ids());
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Stored documents are encrypted with keys that are not configured "
                        + missing + " (configured: " + cipher.keys().ids() + "): add them to pactum.documents.key-file"
                        + " or pactum.documents.keys (README, \"Document encryption\")");
            }
            long plain = usage.getOrDefault(StoredDocuments.PLAIN, 0L);
            if (plain > 0) {
                log.warn("{} document versions were stored before encryption and are kept in plain; encrypt them with"
                        + " java -jar pactum.jar --pactum.documents.rotate-to={}", plain, cipher.keys().activeKeyId());
            }
        };
    }
}
