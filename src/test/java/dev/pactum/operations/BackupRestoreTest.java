package dev.pactum.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.PactumTest;
import dev.pactum.audit.AuditTrail;
import dev.pactum.contract.TestContracts;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.document.DocumentCipher;
import dev.pactum.document.DocumentKeyFile;
import dev.pactum.document.DocumentKeys;
import dev.pactum.document.DocumentProperties;
import dev.pactum.document.StoredDocuments;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backs up the running test app's database (online), restores it into a folder of its own, backs that up with no app
 * running, destroys it and its key file, restores again, and each time compares every row of every table (the app's,
 * Flyway's and the engine's ACT_*), every sequence and every document version with the original. Runs the commands
 * as the operator would, through {@link OperationsCommands}; the restored clusters are started by the test itself.
 */
@PactumTest
class BackupRestoreTest {

    @TempDir
    Path work;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestContracts contracts;
    @Autowired
    ContractDocumentService documents;
    @Autowired
    DocumentProperties documentProperties;

    @Test
    void aBackupRestoresEveryRowAndDocumentAfterTheDatabaseAndItsKeysAreDestroyed() throws Exception {
        long contractId = contracts.draft("sales1", "180000.00").getId();
        documents.renderNewVersion(contractId, "sales1");
        insertPlainVersion(contractId, 2);
        Path liveFolder = Path.of(jdbc.queryForObject("show data_directory", String.class));
        Map<String, String> live = rowsAndSequences(dataSource);
        assertThat(live).containsKeys("act_ge_bytearray", "act_hi_procinst", "contract", "contract_document_version",
                "audit_event", "pactum_schema_history");
        assertThat(live.get("act_ru_execution")).doesNotStartWith("0 ");

        Path backup = work.resolve("backup");
        Command online = command("--pactum.backup.to=" + backup, "--pactum.embedded-database.data-dir=" + liveFolder,
                "--pactum.documents.key-file=" + documentProperties.keyFile());
        assertThat(online.status()).as(online.output()).isZero();
        assertThat(info(backup)).containsEntry("app-was-running", "true");
        assertThat(backup.resolve("database/backup_label")).exists();
        assertThat(backup.resolve("keys/document-keys")).exists();
        assertThat(Files.readString(backup.resolve("SHA256SUMS"))).contains("  database/PG_VERSION\n",
                "  keys/document-keys\n", "  backup.properties\n");

        Path data = work.resolve("restored/postgres");
        Path keyFile = work.resolve("restored/document-keys");
        String[] restoredSettings = {"--pactum.embedded-database.data-dir=" + data,
                "--pactum.documents.key-file=" + keyFile};
        Command restore = command(restoredSettings, "--pactum.restore.from=" + backup);
        assertThat(restore.status()).as(restore.output()).isZero();
        assertThat(keyFile).exists();
        assertRestored(data, keyFile, live, 1);

        Path secondBackup = work.resolve("backup-2");
        Command offline = command(restoredSettings, "--pactum.backup.to=" + secondBackup);
        assertThat(offline.status()).as(offline.output()).isZero();
        assertThat(info(secondBackup)).containsEntry("app-was-running", "false");

        // The disk dies: the cluster's control file and every database are gone, and the key file with them.
        Files.write(data.resolve("global/pg_control"), new byte[8192]);
        deleteRecursively(data.resolve("base"));
        Files.delete(keyFile);

        Command again = command(restoredSettings, "--pactum.restore.from=" + secondBackup);
        assertThat(again.status()).as(again.output()).isZero();
        assertRestored(data, keyFile, live, 2);
        try (Stream<Path> siblings = Files.list(data.getParent())) {
            assertThat(siblings.map(path -> path.getFileName().toString()))
                    .anySatisfy(name -> assertThat(name).startsWith("postgres.before-restore-"));
        }
    }

    @Test
    void aDamagedBackupOrOneWhoseKeysHaveNowhereToGoIsRefusedBeforeAnythingChanges() throws Exception {
        Path liveFolder = Path.of(jdbc.queryForObject("show data_directory", String.class));
        Path backup = work.resolve("backup");
        Command made = command("--pactum.backup.to=" + backup, "--pactum.embedded-database.data-dir=" + liveFolder,
                "--pactum.documents.key-file=" + documentProperties.keyFile());
        assertThat(made.status()).as(made.output()).isZero();
        Path data = work.resolve("untouched/postgres");
        Files.createDirectories(data);
        Files.writeString(data.resolve("PG_VERSION"), "stand-in for a database\n");

        Command withoutKeyFile = command("--pactum.restore.from=" + backup,
                "--pactum.embedded-database.data-dir=" + data);
        assertThat(withoutKeyFile.status()).as(withoutKeyFile.output()).isEqualTo(2);
        assertThat(withoutKeyFile.output()).contains("pactum.documents.key-file");

        // A key file made afresh after a loss may use a backup key's id for another key.
        Path otherKeys = work.resolve("other-keys");
        String keyId = DocumentKeyFile.read(backup.resolve("keys/document-keys")).keySet().iterator().next();
        Files.writeString(otherKeys, keyId + "=" + Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        String otherKeysBefore = Files.readString(otherKeys);
        Command differentKey = command("--pactum.restore.from=" + backup, "--pactum.embedded-database.data-dir=" + data,
                "--pactum.documents.key-file=" + otherKeys);
        assertThat(differentKey.status()).as(differentKey.output()).isEqualTo(2);
        assertThat(differentKey.output()).contains(keyId);
        assertThat(Files.readString(otherKeys)).isEqualTo(otherKeysBefore);

        Path pgVersion = backup.resolve("database/PG_VERSION");
        Files.writeString(pgVersion, Files.readString(pgVersion).replace("17", "16"));
        Command damaged = command("--pactum.restore.from=" + backup, "--pactum.embedded-database.data-dir=" + data,
                "--pactum.documents.key-file=" + work.resolve("keys"));
        assertThat(damaged.status()).as(damaged.output()).isEqualTo(3);
        assertThat(damaged.output()).contains("database/PG_VERSION: changed");

        Files.delete(backup.resolve("SHA256SUMS"));
        Command unfinished = command("--pactum.restore.from=" + backup, "--pactum.embedded-database.data-dir=" + data,
                "--pactum.documents.key-file=" + work.resolve("keys"));
        assertThat(unfinished.status()).isEqualTo(3);
        assertThat(unfinished.output()).contains("SHA256SUMS is missing");

        try (Stream<Path> siblings = Files.list(data.getParent())) {
            assertThat(siblings).containsExactly(data);
        }
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files).containsExactly(data.resolve("PG_VERSION"));
        }
        assertThat(Files.readString(data.resolve("PG_VERSION"))).isEqualTo("stand-in for a database\n");
        assertThat(work.resolve("keys")).doesNotExist();
    }

    /** Starts a server on the restored folder and compares it with the original. */
    private static void assertRestored(Path data, Path keyFile, Map<String, String> live, int restores)
            throws Exception {
        try (EmbeddedPostgres restored = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).start()) {
            DataSource database = restored.getPostgresDatabase();
            assertThat(rowsAndSequences(database)).isEqualTo(live);
            JdbcTemplate sql = new JdbcTemplate(database);
            assertThat(sql.queryForObject("select count(*) from audit_event where action = ?", Long.class,
                    Backups.RESTORE_ACTION)).isEqualTo(restores);
            assertThat(new AuditTrail(database).verify().intact()).isTrue();
            DocumentKeys keys = DocumentKeys.load(new DocumentProperties(Map.of(), keyFile.toString(), false, ""));
            StoredDocuments.Verification verification = new StoredDocuments(database, new DocumentCipher(keys))
                    .verifyAll();
            assertThat(verification.failures()).isEmpty();
            assertThat(verification.byKey()).containsKey(StoredDocuments.PLAIN);
            assertThat(verification.versions()).isEqualTo(sql.queryForObject(
                    "select count(*) from contract_document_version", Long.class));
        }
    }

    /**
     * Per table, its row count and an order-independent hash of its rows (md5 of each row's text, sorted, hashed);
     * per sequence, its last value. The restores' own audit rows are left out here and counted apart.
     */
    private static Map<String, String> rowsAndSequences(DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        Map<String, String> found = new TreeMap<>();
        for (String table : sql.queryForList("select table_name from information_schema.tables where table_schema"
                + " = current_schema() and table_type = 'BASE TABLE'", String.class)) {
            String rows = table.equals("audit_event")
                    ? "(select * from audit_event where action <> '" + Backups.RESTORE_ACTION + "')"
                    : "\"" + table + "\"";
            found.put(table, sql.queryForObject("select count(*) || ' ' || coalesce(md5(string_agg(h, '' order by h)),"
                    + " '-') from (select md5(t::text) h from " + rows + " t) hashed", String.class));
        }
        sql.queryForList("select sequencename, coalesce(last_value, 0) from pg_sequences where schemaname = "
                + "current_schema()").forEach(row -> found.put("sequence " + row.get("sequencename"),
                String.valueOf(row.get("coalesce"))));
        return found;
    }

    private void insertPlainVersion(long contractId, int version) throws Exception {
        byte[] pdf = "%PDF-1.4 stored before encryption".getBytes(StandardCharsets.US_ASCII);
        jdbc.update("insert into contract_document_version (contract_id, version, template_key, content_type, content,"
                + " size_bytes, sha256, created_by, created_at) values (?, ?, 'sales-standard', 'application/pdf', ?,"
                + " ?, ?, 'sales1', ?)", contractId, version, pdf, pdf.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)),
                Timestamp.from(Instant.now()));
    }

    private record Command(int status, String output) {
    }

    private static Command command(String[] settings, String action) {
        List<String> args = new ArrayList<>(List.of(settings));
        args.add(action);
        return command(args.toArray(String[]::new));
    }

    private static Command command(String... args) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = OperationsCommands.run(new PrintStream(output, true, StandardCharsets.UTF_8), args);
        return new Command(status, output.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> info(Path backup) throws Exception {
        Properties info = new Properties();
        info.load(Files.newBufferedReader(backup.resolve(Backups.INFO)));
        Map<String, String> entries = new TreeMap<>();
        info.stringPropertyNames().forEach(name -> entries.put(name, info.getProperty(name)));
        return entries;
    }

    private static void deleteRecursively(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
