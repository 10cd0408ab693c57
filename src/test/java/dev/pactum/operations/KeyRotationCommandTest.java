package dev.pactum.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.PactumTest;
import dev.pactum.audit.AuditTrail;
import dev.pactum.contract.TestContracts;
import dev.pactum.document.DocumentCipher;
import dev.pactum.document.StoredDocuments;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rotation command on the test app's database: what it prints, what it records in the audit trail. */
@PactumTest
class KeyRotationCommandTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    DocumentCipher cipher;
    @Autowired
    StoredDocuments documents;
    @Autowired
    TestContracts contracts;
    @Autowired
    Environment environment;
    @Autowired
    ConfigurableApplicationContext context;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final CommandOutput out = new CommandOutput(new PrintStream(printed, true, StandardCharsets.UTF_8),
            Locale.ENGLISH);

    @Test
    void aRotationEncryptsWhatWasPlainAndIsRecordedInTheAuditTrail() throws Exception {
        String active = cipher.keys().activeKeyId();
        insertPlainVersion(contracts.draft("sales1", "190000.00").getId(), "%PDF-1.4 kept in plain");
        long plainBefore = documents.keyUsage().get(StoredDocuments.PLAIN);

        int status = command().rotate(active, active, out);

        assertThat(status).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(documents.keyUsage()).containsOnlyKeys(active);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Key rotation complete: " + plainBefore + " document versions re-encrypted with key "
                        + active);
        Map<String, Object> row = lastRotationRow();
        assertThat(row).containsEntry("actor", "system").containsEntry("outcome", "SUCCESS")
                .containsEntry("object_type", "document_keys").containsEntry("object_id", active);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree((String) row.get("before_state")).get(StoredDocuments.PLAIN).asLong())
                .isEqualTo(plainBefore);
        assertThat(json.readTree((String) row.get("after_state")).fieldNames()).toIterable().containsExactly(active);
        JsonNode detail = json.readTree((String) row.get("detail"));
        assertThat(detail.get("reEncrypted").asLong()).isEqualTo(plainBefore);
        assertThat(detail.get("command").asText()).isEqualTo("--pactum.documents.rotate-to=" + active);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aKeyThatIsNotTheActiveOneIsRefusedAndNothingIsWritten() throws Exception {
        long rowsBefore = jdbc.queryForObject("select count(*) from audit_event where action = ?", Long.class,
                KeyRotationCommand.ACTION);
        Map<String, Long> usage = documents.keyUsage();

        int status = command().rotate("k-next", cipher.keys().activeKeyId(), out);

        assertThat(status).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Set pactum.documents.active-key to k-next first");
        assertThat(documents.keyUsage()).isEqualTo(usage);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = ?", Long.class,
                KeyRotationCommand.ACTION)).isEqualTo(rowsBefore);
    }

    @Test
    void aRotationStoppedByAVersionThatDoesNotOpenIsRecordedAsAFailure() throws Exception {
        long contractId = contracts.draft("sales1", "200000.00").getId();
        String pdf = "%PDF-1.4 changed behind the trigger";
        insertPlainVersion(contractId, pdf);
        replaceContent(contractId, "\\x00");
        try {
            int status = command().rotate(cipher.keys().activeKeyId(), cipher.keys().activeKeyId(), out);

            assertThat(status).isEqualTo(3);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("The rotation stopped",
                    "Document version 1 of contract " + contractId);
            assertThat(lastRotationRow()).containsEntry("outcome", "FAILURE");
        } finally {
            replaceContent(contractId, "\\x" + HexFormat.of().formatHex(pdf.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private KeyRotationCommand command() {
        return new KeyRotationCommand(documents, audit, environment, context);
    }

    private Map<String, Object> lastRotationRow() {
        return jdbc.queryForMap("select * from audit_event where action = ? order by seq desc limit 1",
                KeyRotationCommand.ACTION);
    }

    private void insertPlainVersion(long contractId, String text) throws Exception {
        byte[] pdf = text.getBytes(StandardCharsets.US_ASCII);
        jdbc.update("insert into contract_document_version (contract_id, version, template_key, content_type, content,"
                + " size_bytes, sha256, created_by, created_at) values (?, 1, 'sales-standard', 'application/pdf', ?,"
                + " ?, ?, 'sales1', ?)", contractId, pdf, pdf.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)),
                Timestamp.from(Instant.now()));
    }

    /** Rewrites a version's stored bytes past the trigger, as only a database superuser could. */
    private void replaceContent(long contractId, String hex) {
        jdbc.execute("begin; set local session_replication_role = replica; update contract_document_version "
                + "set content = '" + hex + "'::bytea where contract_id = " + contractId + "; commit");
    }
}
