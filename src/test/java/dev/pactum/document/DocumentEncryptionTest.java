package dev.pactum.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.contract.TestContracts;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Documents at rest on the real database: what the table holds, what a download gives back, versions stored before
 * encryption, a ciphertext moved to another row, and a key rotation through the one path the table's trigger allows.
 */
@PactumTest
class DocumentEncryptionTest {

    @Autowired
    ContractDocumentService documents;
    @Autowired
    TestContracts contracts;
    @Autowired
    DocumentCipher cipher;
    @Autowired
    DocumentProperties properties;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApiClient api;

    @Test
    void aRenderedVersionIsStoredEncryptedAndDownloadsAsRendered() throws Exception {
        long contractId = contracts.draft("sales1", "120000.00").getId();
        DocumentVersionInfo first = documents.renderNewVersion(contractId, "sales1");
        DocumentVersionInfo second = documents.renderNewVersion(contractId, "sales1");

        Map<String, Object> row = row(contractId, 2);
        byte[] stored = (byte[]) row.get("content");
        assertThat(row.get("content_key_id")).isEqualTo(cipher.keys().activeKeyId());
        assertThat((byte[]) row.get("content_nonce")).hasSize(12).isNotEqualTo(row(contractId, 1).get("content_nonce"));
        assertThat(stored).hasSize(second.sizeBytes() + 16);
        assertThat(new String(stored, 0, 8, StandardCharsets.ISO_8859_1)).doesNotStartWith("%PDF");
        assertThat(first.sha256()).isNotEqualTo(ContractDocumentService.sha256Hex(stored));

        HttpResponse<byte[]> download = download(contractId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(download.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(download.body()).hasSize(second.sizeBytes());
        assertThat(ContractDocumentService.sha256Hex(download.body())).isEqualTo(second.sha256());
        assertThat(download.headers().firstValue("ETag")).hasValue("\"" + second.sha256() + "\"");
    }

    @Test
    void aVersionStoredBeforeEncryptionStillDownloads() throws Exception {
        long contractId = contracts.draft("sales1", "130000.00").getId();
        byte[] pdf = "%PDF-1.4 stored before encryption came".getBytes(StandardCharsets.US_ASCII);
        insertPlain(contractId, 1, pdf);

        HttpResponse<byte[]> download = download(contractId);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("ETag"))
                .hasValue("\"" + ContractDocumentService.sha256Hex(pdf) + "\"");
    }

    @Test
    void aCiphertextMovedOntoAnotherVersionIsRefusedNotShown() throws Exception {
        long contractId = contracts.draft("sales1", "140000.00").getId();
        documents.renderNewVersion(contractId, "sales1");
        documents.renderNewVersion(contractId, "sales1");
        Map<String, Object> first = row(contractId, 1);
        Map<String, Object> second = row(contractId, 2);

        // Someone with the database's superuser rights, bypassing the trigger, puts version 1's bytes into version 2.
        moveContent(first, second);
        try {
            HttpResponse<byte[]> download = download(contractId);
            assertThat(download.statusCode()).isEqualTo(500);
            assertThat(new String(download.body(), StandardCharsets.UTF_8)).doesNotContain("%PDF");
            assertThat(new StoredDocuments(dataSource, cipher).verifyAll().failures())
                    .anySatisfy(failure -> assertThat(failure)
                            .contains("Document version 2 of contract " + contractId, "authentication"));
        } finally {
            moveContent(second, second);
        }
        assertThat(download(contractId).statusCode()).isEqualTo(200);
    }

    @Test
    void theTriggerLetsOnlyARotationChangeTheEncryptedBytes() {
        long contractId = contracts.draft("sales1", "150000.00").getId();
        documents.renderNewVersion(contractId, "sales1");
        String rotate = "select set_config('pactum.document_rotation', 'on', true)";
        String reseal = "update contract_document_version set content = content, content_nonce = content_nonce "
                + "where contract_id = " + contractId;

        assertThatThrownBy(() -> jdbc.update(reseal)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(inRotation(rotate, reseal)).isEqualTo(1);
        assertThatThrownBy(() -> inRotation(rotate, "update contract_document_version set sha256 = repeat('0', 64), "
                + "content = content where contract_id = " + contractId))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> inRotation(rotate, "update contract_document_version set created_by = 'mallory' "
                + "where contract_id = " + contractId)).hasMessageContaining("append-only");
        assertThatThrownBy(() -> inRotation(rotate, "update contract_document_version set content_key_id = null, "
                + "content_nonce = null where contract_id = " + contractId)).hasMessageContaining("append-only");
        assertThatThrownBy(() -> inRotation(rotate, "delete from contract_document_version where contract_id = "
                + contractId)).hasMessageContaining("append-only");
        // The setting lasts for its own transaction only.
        assertThatThrownBy(() -> jdbc.update(reseal)).hasMessageContaining("append-only");
    }

    @Test
    void aRotationReEncryptsEveryVersionUnderTheNewKeyAndChangesNothingElse() throws Exception {
        long contractId = contracts.draft("sales1", "160000.00").getId();
        String active = cipher.keys().activeKeyId();
        // The test's key file holds the active key; "retired" stands for a key used before it.
        Map<String, byte[]> keys = new HashMap<>(DocumentKeyFile.read(Path.of(properties.keyFile())));
        keys.put("retired", DocumentCipherTest.key(7));
        DocumentCipher both = new DocumentCipher(DocumentKeys.of(keys, active));
        byte[] plain = "%PDF-1.4 version 1, stored in plain".getBytes(StandardCharsets.US_ASCII);
        byte[] retired = "%PDF-1.4 version 2, under the retired key".getBytes(StandardCharsets.US_ASCII);
        insertPlain(contractId, 1, plain);
        insertSealed(contractId, 2, retired, both.seal(retired, contractId, 2, "retired"));
        DocumentVersionInfo third = documents.renderNewVersion(contractId, "sales1");
        List<Map<String, Object>> identityBefore = identities(contractId);
        byte[] thirdBefore = (byte[]) row(contractId, 3).get("content");

        StoredDocuments.Rotation rotation = new StoredDocuments(dataSource, both).rotateTo(active);

        assertThat(rotation.before()).containsKeys("retired", StoredDocuments.PLAIN);
        assertThat(rotation.after()).containsOnlyKeys(active);
        assertThat(rotation.reEncrypted()).isGreaterThanOrEqualTo(2);
        assertThat(identities(contractId)).isEqualTo(identityBefore);
        assertThat((byte[]) row(contractId, 3).get("content")).as("already under the key: left alone")
                .isEqualTo(thirdBefore);
        StoredDocuments.Verification verification = new StoredDocuments(dataSource, cipher).verifyAll();
        assertThat(verification.failures()).isEmpty();
        assertThat(verification.byKey()).containsOnlyKeys(active);
        assertThat(documents.versions(contractId)).extracting(DocumentVersionInfo::sha256).containsExactly(
                ContractDocumentService.sha256Hex(plain), ContractDocumentService.sha256Hex(retired), third.sha256());
        HttpResponse<byte[]> download = download(contractId);
        assertThat(download.headers().firstValue("ETag")).hasValue("\"" + third.sha256() + "\"");
        assertThat(ContractDocumentService.sha256Hex(download.body())).isEqualTo(third.sha256());
        assertThat(new StoredDocuments(dataSource, both).rotateTo(active).reEncrypted()).isZero();
    }

    @Test
    void aRotationStopsAtAVersionThatDoesNotOpenAndWritesNothingForIt() throws Exception {
        long contractId = contracts.draft("sales1", "170000.00").getId();
        byte[] pdf = "%PDF-1.4 changed after it was stored".getBytes(StandardCharsets.US_ASCII);
        insertPlain(contractId, 1, pdf);
        jdbc.execute("begin; set local session_replication_role = replica; update contract_document_version "
                + "set content = '\\x00'::bytea where contract_id = " + contractId + "; commit");
        try {
            assertThatThrownBy(() -> new StoredDocuments(dataSource, cipher).rotateTo(cipher.keys().activeKeyId()))
                    .isInstanceOf(DocumentUnreadableException.class)
                    .hasMessageContaining("Document version 1 of contract " + contractId)
                    .hasMessageContaining("sha-256");
            assertThat(row(contractId, 1).get("content_key_id")).isNull();
        } finally {
            jdbc.execute("begin; set local session_replication_role = replica; update contract_document_version "
                    + "set content = '\\x" + java.util.HexFormat.of().formatHex(pdf) + "'::bytea where contract_id = "
                    + contractId + "; commit");
        }
    }

    private HttpResponse<byte[]> download(long contractId) throws Exception {
        return api.send(api.request("sales1", "GET", "/api/contracts/" + contractId + "/document", null, null),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private Map<String, Object> row(long contractId, int version) {
        return jdbc.queryForMap("select * from contract_document_version where contract_id = ? and version = ?",
                contractId, version);
    }

    private List<Map<String, Object>> identities(long contractId) {
        return jdbc.queryForList("select id, contract_id, version, template_key, content_type, size_bytes, sha256, "
                + "created_by, created_at from contract_document_version where contract_id = ? order by version",
                contractId);
    }

    private void insertPlain(long contractId, int version, byte[] pdf) {
        insertSealed(contractId, version, pdf, SealedContent.plain(pdf));
    }

    private void insertSealed(long contractId, int version, byte[] pdf, SealedContent sealed) {
        jdbc.update("insert into contract_document_version (contract_id, version, template_key, content_type, content,"
                        + " content_key_id, content_nonce, size_bytes, sha256, created_by, created_at)"
                        + " values (?, ?, 'sales-standard', 'application/pdf', ?, ?, ?, ?, ?, 'sales1', ?)",
                contractId, version, sealed.bytes(), sealed.keyId(), sealed.nonce(), pdf.length,
                ContractDocumentService.sha256Hex(pdf), Timestamp.from(Instant.now()));
    }

    /** Writes {@code from}'s stored bytes, nonce and key into {@code to}'s row, past the trigger. */
    private void moveContent(Map<String, Object> from, Map<String, Object> to) {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update("update contract_document_version set content = ?, content_nonce = ?, content_key_id = ? "
                    + "where id = ?", from.get("content"), from.get("content_nonce"), from.get("content_key_id"),
                    to.get("id"));
        });
    }

    private int inRotation(String allow, String update) {
        return transactions.execute(status -> {
            jdbc.queryForObject(allow, String.class);
            return jdbc.update(update);
        });
    }
}
