package dev.pactum.document;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key file: one {@code <key id>=<base64 of 32 bytes>} line per key, {@code #} comments. Readable by its owner only.
 * Messages name files and key ids, never key material.
 */
public final class DocumentKeyFile {

    private static final Logger log = LoggerFactory.getLogger(DocumentKeyFile.class);

    /** Letters, digits, {@code _} and {@code -}: safe in a property name, an environment variable and a file. */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    static final int KEY_BYTES = 32;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String HEADER = """
            # Pactum document encryption keys: <key id>=<base64 of 32 random bytes> (AES-256-GCM).
            # Keep this file secret, and keep a copy apart from the database's backups. Never remove a key that a stored
            # document version or a backup you keep still uses (README, "Document encryption").
            """;

    private DocumentKeyFile() {
    }

    /** The keys in a file, by id, in file order. */
    public static Map<String, byte[]> read(Path file) throws IOException {
        Properties lines = new Properties();
        lines.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        Map<String, byte[]> keys = new TreeMap<>();
        for (String id : lines.stringPropertyNames()) {
            keys.put(id, decode(id, lines.getProperty(id), file.toString()));
        }
        warnIfOthersCanRead(file);
        return keys;
    }

    /** A key from its base64 text, checked: 32 bytes under a valid id. {@code source} names where it came from. */
    static byte[] decode(String id, String base64, String source) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException("Document key id '" + id + "' in " + source
                    + " is not letters, digits, '_' and '-' (at most 64)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Document key '" + id + "' in " + source + " is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("Document key '" + id + "' in " + source + " has " + key.length
                    + " bytes; AES-256 needs " + KEY_BYTES + " (head -c 32 /dev/urandom | base64)");
        }
        return key;
    }

    /**
     * Creates the file, readable by its owner only, with one fresh key named after today's date, unless it exists.
     * Returns the new key's id, or null when the file was there already.
     */
    static String createIfMissing(Path file) throws IOException {
        if (Files.exists(file)) {
            return null;
        }
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        SecureRandom random = new SecureRandom();
        byte[] suffix = new byte[2];
        random.nextBytes(suffix);
        // The day tells an operator how old a key is; the suffix keeps two keys made on one day apart.
        String id = "k" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + HexFormat.of().formatHex(suffix);
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        Path written = writeOwnerOnly(folder, HEADER + line(id, key));
        try {
            // Not REPLACE_EXISTING: of two nodes starting at once on one folder, the first key wins and both read it.
            Files.move(written, file);
        } catch (FileAlreadyExistsException anotherStartWasFirst) {
            Files.delete(written);
            return null;
        }
        return id;
    }

    /**
     * Adds to {@code file} (created if missing) the keys of {@code from} it lacks; returns their ids. A key id both
     * files hold with different keys is refused: one of them would then read nothing.
     */
    public static List<String> addMissing(Path file, Path from) throws IOException {
        Map<String, byte[]> adding = read(from);
        Map<String, byte[]> present = Files.exists(file) ? read(file) : Map.of();
        Map<String, byte[]> missing = new LinkedHashMap<>();
        adding.forEach((id, key) -> {
            if (!present.containsKey(id)) {
                missing.put(id, key);
            } else if (!Arrays.equals(present.get(id), key)) {
                throw new IllegalStateException("Document key '" + id + "' in " + from + " differs from the key '" + id
                        + "' in " + file + "; keep both files and give one of the keys another id");
            }
        });
        if (missing.isEmpty()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder(Files.exists(file)
                ? Files.readString(file, StandardCharsets.UTF_8) : HEADER);
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        missing.forEach((id, key) -> text.append(line(id, key)));
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Files.move(writeOwnerOnly(folder, text.toString()), file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return List.copyOf(missing.keySet());
    }

    private static String line(String id, byte[] key) {
        return id + "=" + Base64.getEncoder().encodeToString(key) + "\n";
    }

    /** A new file in {@code folder} holding {@code text}, created readable by its owner only and forced to disk. */
    private static Path writeOwnerOnly(Path folder, String text) throws IOException {
        Path file = posix(folder)
                ? Files.createTempFile(folder, ".document-keys", ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(folder, ".document-keys", ".tmp");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        return file;
    }

    private static boolean posix(Path folder) {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void warnIfOthersCanRead(Path file) throws IOException {
        if (!posix(file.toAbsolutePath().getParent())) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!Collections.disjoint(permissions,
                Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ))) {
            log.warn("The document key file {} is readable by others ({}); chmod 600 it", file,
                    PosixFilePermissions.toString(permissions));
        }
    }
}
