package dev.pactum.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.audit.AuditEntry;
import dev.pactum.audit.AuditTrail;
import dev.pactum.document.DocumentUnreadableException;
import dev.pactum.document.StoredDocuments;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar pactum.jar --pactum.documents.rotate-to=<key id>}: re-encrypts every stored document version
 * under that key (those stored before encryption too), records it in the audit trail, prints what it did and exits:
 * 0 done, 2 refused (the key is not the active one), 3 stopped at a version that does not open (the versions before
 * it are done; run it again once that one is mended). {@link KeyRotationMode} keeps the web server and jobs off.
 */
@Component
@ConditionalOnProperty(prefix = "pactum.documents", name = "rotate-to")
class KeyRotationCommand implements ApplicationRunner {

    static final String ACTION = "DOCUMENT_KEY_ROTATION";

    private final StoredDocuments documents;
    private final AuditTrail audit;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    KeyRotationCommand(StoredDocuments documents, AuditTrail audit, Environment environment,
                       ConfigurableApplicationContext context) {
        this.documents = documents;
        this.audit = audit;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        int status = rotate(environment.getRequiredProperty(KeyRotationMode.ROTATE_TO),
                environment.getRequiredProperty("pactum.documents.active-key"), new CommandOutput(System.out));
        System.exit(SpringApplication.exit(context, () -> status));
    }

    int rotate(String keyId, String activeKeyId, CommandOutput out) throws SQLException {
        if (!keyId.equals(activeKeyId)) {
            out.say("rotation.notActive", keyId, activeKeyId);
            return 2;
        }
        Instant started = Instant.now();
        Map<String, Long> before = documents.keyUsage();
        try {
            StoredDocuments.Rotation rotation = documents.rotateTo(keyId);
            audit.append(entry(started, keyId, AuditEntry.Outcome.SUCCESS, rotation.before(), rotation.after(),
                    Map.of("reEncrypted", rotation.reEncrypted(), "seconds", rotation.took().toMillis() / 1000.0)));
            out.say("rotation.done", rotation.reEncrypted(), keyId,
                    String.format(Locale.ROOT, "%.1f", rotation.took().toNanos() / 1e9));
            out.say("rotation.usage", rotation.before(), rotation.after());
            return 0;
        } catch (DocumentUnreadableException e) {
            audit.append(entry(started, keyId, AuditEntry.Outcome.FAILURE, before, documents.keyUsage(),
                    Map.of("stoppedAt", e.getMessage())));
            out.say("rotation.stopped", e.getMessage());
            return 3;
        }
    }

    private static AuditEntry entry(Instant started, String keyId, AuditEntry.Outcome outcome, Map<String, Long> before,
                                    Map<String, Long> after, Map<String, Object> result) {
        Map<String, Object> detail = new LinkedHashMap<>(result);
        detail.put("command", "--" + KeyRotationMode.ROTATE_TO + "=" + keyId);
        detail.put("osUser", System.getProperty("user.name"));
        return new AuditEntry(started, AuditEntry.SYSTEM, null, ACTION, "document_keys", keyId, outcome, null, null,
                null, null, json(before), json(after), json(detail));
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
