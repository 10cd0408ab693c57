package dev.pactum.document;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Every stored document version at once, over plain JDBC so the operator's commands can use it without the app: which
 * keys they are encrypted with, whether each still opens to its sha-256, and the key rotation.
 */
public final class StoredDocuments {

    /** Key usage's name for versions stored before encryption. */
    public static final String PLAIN = "(plain)";

    /**
     * The session setting the table's trigger checks before it lets an UPDATE through (migration V71): set for the
     * rotation's own transactions only, and even then only the encrypted bytes, nonce and key id may change.
     */
    private static final String ROTATION_SETTING = "select set_config('pactum.document_rotation', 'on', true)";
    private static final int BATCH = 50;

    private final DataSource dataSource;
    private final DocumentCipher cipher;

    public StoredDocuments(DataSource dataSource, DocumentCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    /** How many versions each key encrypts ({@link #PLAIN}: stored before encryption). */
    public Map<String, Long> keyUsage() throws SQLException {
        return keyUsage(dataSource);
    }

    /**
     * The same for any database of Pactum's, whichever release made it: one from before encryption has only plain
     * versions, and one the app never started on has none.
     */
    public static Map<String, Long> keyUsage(DataSource dataSource) throws SQLException {
        Map<String, Long> usage = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String keyColumn;
            try (ResultSet columns = statement.executeQuery("select count(*) filter (where column_name = "
                    + "'content_key_id'), count(*) from information_schema.columns "
                    + "where table_schema = current_schema() and table_name = 'contract_document_version'")) {
                columns.next();
                if (columns.getLong(2) == 0) {
                    return usage;
                }
                keyColumn = columns.getLong(1) > 0 ? "content_key_id" : "null";
            }
            try (ResultSet rows = statement.executeQuery("select coalesce(" + keyColumn + ", '" + PLAIN + "'), "
                    + "count(*) from contract_document_version group by 1")) {
                while (rows.next()) {
                    usage.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return usage;
    }

    /** What {@link #verifyAll} found: versions opened, by key, and each one that did not open to its sha-256. */
    public record Verification(long versions, Map<String, Long> byKey, List<String> failures) {

        public boolean intact() {
            return failures.isEmpty();
        }
    }

    /** Opens every version (decrypts it and checks its sha-256), one consistent snapshot, streamed. */
    public Verification verifyAll() throws SQLException {
        long versions = 0;
        Map<String, Long> byKey = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction isolation level repeatable read, read only");
                statement.setFetchSize(20);
                try (ResultSet rows = statement.executeQuery("select " + ROW + " from contract_document_version "
                        + "order by id")) {
                    while (rows.next()) {
                        Row row = Row.read(rows);
                        versions++;
                        byKey.merge(row.content.encrypted() ? row.content.keyId() : PLAIN, 1L, Long::sum);
                        try {
                            row.open(cipher);
                        } catch (DocumentUnreadableException e) {
                            failures.add(e.getMessage());
                        }
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
        return new Verification(versions, byKey, failures);
    }

    /** What {@link #rotateTo} did: key usage before and after, versions re-encrypted, and how long it took. */
    public record Rotation(String keyId, Map<String, Long> before, Map<String, Long> after, long reEncrypted,
                           Duration took) {
    }

    /**
     * Re-encrypts every version not yet under {@code keyId} (plain ones included) with it, 50 versions to a
     * transaction, so an interruption leaves every version readable under one of the keys and a second run finishes
     * the job. Each version is opened and checked against its sha-256 before it is sealed again: a version that does
     * not open stops the rotation (nothing is written for it) and is named.
     *
     * @throws DocumentUnreadableException for the first version that does not open; the ones before it are done
     */
    public Rotation rotateTo(String keyId) throws SQLException {
        if (!cipher.keys().has(keyId)) {
            throw new IllegalArgumentException("The document key '" + keyId + "' is not configured "
                    + cipher.keys().ids());
        }
        long started = System.nanoTime();
        Map<String, Long> before = keyUsage();
        long reEncrypted = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long after = 0;
                for (List<Row> done; !(done = rotateBatch(connection, keyId, after)).isEmpty(); ) {
                    reEncrypted += done.size();
                    after = done.get(done.size() - 1).id;
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
        return new Rotation(keyId, before, keyUsage(), reEncrypted, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Re-encrypts the next versions after id {@code after} in one transaction; returns them. */
    private List<Row> rotateBatch(Connection connection, String keyId, long after) throws SQLException {
        List<Row> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + ROW + " from contract_document_version "
                + "where id > ? and content_key_id is distinct from ? order by id limit " + BATCH + " for update")) {
            select.setLong(1, after);
            select.setString(2, keyId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    batch.add(Row.read(rows));
                }
            }
        }
        if (batch.isEmpty()) {
            connection.rollback();
            return batch;
        }
        try (Statement allow = connection.createStatement();
             PreparedStatement update = connection.prepareStatement("update contract_document_version "
                     + "set content = ?, content_key_id = ?, content_nonce = ? where id = ?")) {
            allow.execute(ROTATION_SETTING);
            for (Row row : batch) {
                SealedContent sealed = cipher.seal(row.open(cipher), row.contractId, row.version, keyId);
                update.setBytes(1, sealed.bytes());
                update.setString(2, sealed.keyId());
                update.setBytes(3, sealed.nonce());
                update.setLong(4, row.id);
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        connection.commit();
        return batch;
    }

    private static final String ROW = "id, contract_id, version, sha256, content_key_id, content_nonce, content";

    private record Row(long id, long contractId, int version, String sha256, SealedContent content) {

        static Row read(ResultSet rows) throws SQLException {
            return new Row(rows.getLong("id"), rows.getLong("contract_id"), rows.getInt("version"),
                    rows.getString("sha256"), new SealedContent(rows.getString("content_key_id"),
                    rows.getBytes("content_nonce"), rows.getBytes("content")));
        }

        byte[] open(DocumentCipher cipher) {
            return cipher.open(content, contractId, version, sha256);
        }
    }
}
