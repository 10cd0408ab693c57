package dev.pactum.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.audit.AuditEntry;
import dev.pactum.audit.AuditTrail;
import dev.pactum.config.EmbeddedDatabaseBackup;
import dev.pactum.config.PactumProperties;
import dev.pactum.document.DocumentCipher;
import dev.pactum.document.DocumentKeyFile;
import dev.pactum.document.DocumentKeys;
import dev.pactum.document.DocumentProperties;
import dev.pactum.document.StoredDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backup folder holds everything a restore needs: {@code database/} (a base backup of the embedded cluster:
 * contracts, documents, the engine's tables, the audit trail), {@code keys/document-keys} (a copy of the document key
 * file), {@code backup.properties} (what it holds, and which keys its documents need) and, written last,
 * {@code SHA256SUMS}, the sha-256 of every other file in {@code sha256sum} format: a folder without it is an
 * unfinished backup, and {@code sha256sum -c SHA256SUMS} checks one anywhere.
 */
final class Backups {

    static final String DATABASE = "database";
    static final String KEYS = "keys/document-keys";
    static final String INFO = "backup.properties";
    static final String SUMS = "SHA256SUMS";
    static final String RESTORE_ACTION = "DATABASE_RESTORE";

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final PactumProperties.EmbeddedDatabase database;
    private final DocumentProperties documents;
    private final CommandOutput out;

    Backups(PactumProperties.EmbeddedDatabase database, DocumentProperties documents, CommandOutput out) {
        this.database = database;
        this.documents = documents;
        this.out = out;
    }

    int backUp(Path to) throws IOException, SQLException {
        long started = System.nanoTime();
        Path folder = to.toAbsolutePath().normalize();
        Map<String, Long> usage = new TreeMap<>();
        EmbeddedDatabaseBackup.Backup copy = EmbeddedDatabaseBackup.backUp(database, folder.resolve(DATABASE),
                running -> usage.putAll(StoredDocuments.keyUsage(running)));
        out.say(copy.appWasRunning() ? "backup.online" : "backup.offline");

        Set<String> needed = new TreeSet<>(usage.keySet());
        needed.remove(StoredDocuments.PLAIN);
        Set<String> included = new TreeSet<>();
        Path keyFile = documents.keyFile().isBlank() ? null : Path.of(documents.keyFile()).toAbsolutePath().normalize();
        if (keyFile != null && Files.exists(keyFile)) {
            Path copied = folder.resolve(KEYS);
            Files.createDirectories(copied.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.copy(keyFile, copied, StandardCopyOption.COPY_ATTRIBUTES);
            Files.setPosixFilePermissions(copied, PosixFilePermissions.fromString("rw-------"));
            included.addAll(DocumentKeyFile.read(copied).keySet());
        }
        Properties info = new Properties();
        info.setProperty("format", "1");
        info.setProperty("created", Instant.now().toString());
        info.setProperty("postgresql", copy.serverVersion());
        info.setProperty("wal.start", copy.startLsn());
        info.setProperty("wal.stop", copy.stopLsn());
        info.setProperty("app-was-running", Boolean.toString(copy.appWasRunning()));
        info.setProperty("documents.versions", Long.toString(usage.values().stream().mapToLong(Long::longValue).sum()));
        info.setProperty("documents.plain", Long.toString(usage.getOrDefault(StoredDocuments.PLAIN, 0L)));
        info.setProperty("documents.keys-used", String.join(",", needed));
        info.setProperty("documents.keys-included", String.join(",", included));
        writeForced(folder.resolve(INFO), store(info));
        long bytes = writeSums(folder);

        out.say("backup.done", folder, megabytes(bytes), seconds(System.nanoTime() - started));
        out.say("backup.database", copy.serverVersion(), copy.startLsn(), copy.stopLsn(),
                usage.values().stream().mapToLong(Long::longValue).sum());
        Set<String> notIncluded = new TreeSet<>(needed);
        notIncluded.removeAll(included);
        if (!included.isEmpty()) {
            out.say("backup.keys", String.join(", ", included), folder.resolve(KEYS));
        }
        if (!notIncluded.isEmpty()) {
            out.say("backup.keysNotIncluded", String.join(", ", notIncluded));
        }
        return 0;
    }

    int restore(Path from) throws IOException, SQLException {
        long started = System.nanoTime();
        Path folder = from.toAbsolutePath().normalize();
        List<String> damage = checkSums(folder);
        if (!damage.isEmpty()) {
            out.say("restore.damaged", folder);
            damage.forEach(line -> out.raw("  " + line));
            return 3;
        }
        Properties info = new Properties();
        info.load(new StringReader(Files.readString(folder.resolve(INFO), StandardCharsets.UTF_8)));
        Set<String> needed = new TreeSet<>(List.of(info.getProperty("documents.keys-used", "").split(",")));
        needed.remove("");

        Path backupKeys = folder.resolve(KEYS);
        Path keyFile = documents.keyFile().isBlank() ? null : Path.of(documents.keyFile()).toAbsolutePath().normalize();
        Map<String, byte[]> available = new TreeMap<>();
        if (Files.exists(backupKeys)) {
            available.putAll(DocumentKeyFile.read(backupKeys));
        }
        DocumentKeys configured = DocumentKeys.load(new DocumentProperties(documents.keys(),
                keyFile != null && Files.exists(keyFile) ? keyFile.toString() : "", false, ""));
        Set<String> differing = new TreeSet<>();
        available.forEach((id, key) -> {
            if (configured.has(id) && !configured.holds(id, key)) {
                differing.add(id);
            }
        });
        if (!differing.isEmpty()) {
            out.say("restore.keysDiffer", String.join(", ", differing));
            return 2;
        }
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(available.keySet());
        missing.removeAll(configured.ids());
        if (!missing.isEmpty()) {
            out.say("restore.missingKeys", String.join(", ", missing));
            return 2;
        }
        Set<String> fromBackup = new TreeSet<>(needed);
        fromBackup.removeAll(configured.ids());
        if (!fromBackup.isEmpty()) {
            if (keyFile == null) {
                out.say("restore.noKeyFile", String.join(", ", fromBackup));
                return 2;
            }
            List<String> added = DocumentKeyFile.addMissing(keyFile, backupKeys);
            out.say("restore.keysAdded", String.join(", ", added), keyFile);
        }
        DocumentKeys keys = DocumentKeys.load(new DocumentProperties(documents.keys(),
                keyFile != null && Files.exists(keyFile) ? keyFile.toString() : "", false, ""));

        StoredDocuments.Verification[] verification = new StoredDocuments.Verification[1];
        EmbeddedDatabaseBackup.Restore restore = EmbeddedDatabaseBackup.restore(folder.resolve(DATABASE), database,
                restored -> {
                    verification[0] = new StoredDocuments(restored, new DocumentCipher(keys)).verifyAll();
                    record(restored, folder, info, verification[0]);
                });
        out.say("restore.done", restore.folder(), info.getProperty("created"), seconds(System.nanoTime() - started));
        if (restore.previous() != null) {
            out.say("restore.previous", restore.previous());
        }
        StoredDocuments.Verification documentsFound = verification[0];
        if (!documentsFound.intact()) {
            out.say("restore.documentsBroken", documentsFound.versions(), documentsFound.failures().size());
            documentsFound.failures().forEach(line -> out.raw("  " + line));
            return 3;
        }
        out.say("restore.documents", documentsFound.versions());
        return 0;
    }

    /** The audit trail of the restored database says it was restored, from what and to which moment. */
    private static void record(DataSource restored, Path from, Properties info,
                               StoredDocuments.Verification verification) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", from.toString());
        detail.put("backupCreated", info.getProperty("created"));
        detail.put("walStop", info.getProperty("wal.stop"));
        detail.put("documentVersions", verification.versions());
        detail.put("documentsIntact", verification.intact());
        detail.put("osUser", System.getProperty("user.name"));
        try {
            new AuditTrail(restored).append(AuditEntry.system(AuditEntry.SYSTEM, RESTORE_ACTION, "database",
                    info.getProperty("created"), null, null, new ObjectMapper().writeValueAsString(detail)));
        } catch (Exception e) {
            // A backup from before the audit trail has no table to write to; the restore itself stands.
            log.warn("The restore could not be recorded in the restored audit trail: {}", e.getMessage());
        }
    }

    /** Writes {@code SHA256SUMS} over every file of the backup, last; returns the bytes it covers. */
    private static long writeSums(Path folder) throws IOException {
        StringBuilder sums = new StringBuilder();
        long bytes = 0;
        for (Path file : files(folder)) {
            sums.append(sha256(file)).append("  ").append(relative(folder, file)).append('\n');
            bytes += Files.size(file);
        }
        writeForced(folder.resolve(SUMS), sums.toString());
        return bytes;
    }

    /** Every problem with the backup's files: a missing {@code SHA256SUMS}, a file missing, changed or unlisted. */
    private static List<String> checkSums(Path folder) throws IOException {
        Path sums = folder.resolve(SUMS);
        if (!Files.isRegularFile(sums)) {
            return List.of(SUMS + " is missing: not a backup, or an unfinished one");
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                listed.put(line.substring(66), line.substring(0, 64));
            }
        }
        for (Path file : files(folder)) {
            String name = relative(folder, file);
            String expected = listed.remove(name);
            if (expected == null) {
                problems.add(name + ": not listed in " + SUMS);
            } else if (!expected.equals(sha256(file))) {
                problems.add(name + ": changed (sha-256 differs)");
            }
        }
        listed.keySet().forEach(name -> problems.add(name + ": missing"));
        if (problems.isEmpty() && !Files.isRegularFile(folder.resolve(INFO))) {
            problems.add(INFO + ": missing");
        }
        return problems;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(file -> !file.equals(folder.resolve(SUMS))).sorted()
                    .toList();
        }
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String store(Properties info) throws IOException {
        StringWriter text = new StringWriter();
        info.store(text, "Pactum backup: restore with java -jar pactum.jar --pactum.restore.from=<this folder>");
        return text.toString();
    }

    private static void writeForced(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
