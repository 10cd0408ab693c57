package dev.pactum.audit;

import dev.pactum.audit.AuditEntry.Outcome;
import dev.pactum.audit.ChainVerification.Anchor;
import dev.pactum.audit.ChainVerification.Break;
import dev.pactum.audit.ChainVerification.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The append-only, hash-chained audit trail (table {@code audit_event}).
 *
 * <p>Every append runs in a short transaction of its own on its own connection, whatever transaction the caller is
 * in: it takes a transaction-level advisory lock (one for the whole chain, so every node queues on the same lock),
 * reads the head, writes {@code seq + 1} sealed with the head's hash, and commits, which releases the lock. The lock
 * is held for a few statements only, never for the audited action itself. Within a node, concurrent appends are
 * batched into one such transaction.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** The chain's lock: keyed on the table's own oid, so it cannot collide with another advisory lock user. */
    private static final String LOCK_CHAIN = "select pg_advisory_xact_lock('audit_event'::regclass::oid::bigint)";

    private static final String COLUMNS = "seq, occurred_at, actor, source_ip, action, object_type, object_id, "
            + "outcome, http_status, http_method, request_path, engine_operation_ids, before_state, after_state, "
            + "detail, prev_hash, row_hash";

    static final String SELECT_ROWS = "select " + COLUMNS + " from audit_event";

    /** Rows written in one transaction at most, when many threads append at once. */
    private static final int MAX_BATCH = 200;

    private final DataSource dataSource;
    private final AtomicLong failedAppends = new AtomicLong();
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writerTurn = new ReentrantLock();

    public AuditTrail(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records an action that has already happened and must not be undone because auditing failed: a failure is
     * logged at ERROR with the whole entry (so the log holds what the table could not) and counted, never thrown.
     */
    public void record(AuditEntry entry) {
        try {
            append(entry);
        } catch (RuntimeException e) {
            failedAppends.incrementAndGet();
            log.error("AUDIT TRAIL WRITE FAILED: this action happened but is not in the audit trail: {}", entry, e);
        }
    }

    /**
     * Seals one entry into the chain and returns once it is committed. Threads of this node that append at the
     * same time are written together (group commit): whoever gets the writer's turn writes every entry queued so
     * far in one transaction, so a busy node takes the chain's lock once per batch instead of once per row.
     */
    public AuditRecord append(AuditEntry entry) {
        Pending pending = new Pending(entry);
        queue.add(pending);
        writerTurn.lock();
        try {
            while (pending.record == null && pending.failure == null) {
                writeQueued();
            }
        } finally {
            writerTurn.unlock();
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
        return pending.record;
    }

    /** Seals entries into the chain in the given order, in one transaction. */
    private List<AuditRecord> appendAll(List<AuditEntry> entries) {
        return inTransaction(connection -> appendLocked(connection, entries));
    }

    private static final class Pending {
        final AuditEntry entry;
        AuditRecord record;
        RuntimeException failure;

        Pending(AuditEntry entry) {
            this.entry = entry;
        }
    }

    /** Called holding {@link #writerTurn}: writes what is queued (this caller's entry among it) in one batch. */
    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        try {
            List<AuditRecord> records = appendAll(batch.stream().map(pending -> pending.entry).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).record = records.get(i);
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).failure = e;
                return;
            }
            // One entry the database refuses must not take its batch-mates down with it: write them one by one.
            for (Pending pending : batch) {
                try {
                    pending.record = appendAll(List.of(pending.entry)).get(0);
                } catch (RuntimeException single) {
                    pending.failure = single;
                }
            }
        }
    }

    /** Appends made by {@link #record} that failed since this node started. */
    public long failedAppends() {
        return failedAppends.get();
    }

    private List<AuditRecord> appendLocked(Connection connection, List<AuditEntry> entries) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute(LOCK_CHAIN);
        }
        Head head = head(connection);
        List<AuditRecord> records = new ArrayList<>(entries.size());
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long seq = head.seq();
            String prevHash = head.hash();
            for (AuditEntry entry : entries) {
                seq++;
                String rowHash = AuditChain.rowHash(seq, entry, prevHash);
                bind(insert, seq, entry, prevHash, rowHash);
                insert.addBatch();
                records.add(new AuditRecord(seq, entry, prevHash, rowHash));
                prevHash = rowHash;
            }
            insert.executeBatch();
        }
        return records;
    }

    private record Head(long seq, String hash) {
    }

    /** The newest row; after a purge of everything, the newest anchor; in an empty trail, the genesis. */
    private static Head head(Connection connection) throws SQLException {
        for (String query : new String[] {
                "select seq, row_hash from audit_event order by seq desc limit 1",
                "select through_seq, row_hash from audit_anchor order by through_seq desc limit 1"}) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
                if (rows.next()) {
                    return new Head(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return new Head(0, AuditChain.GENESIS);
    }

    private static void bind(PreparedStatement insert, long seq, AuditEntry entry, String prevHash, String rowHash)
            throws SQLException {
        insert.setLong(1, seq);
        insert.setTimestamp(2, Timestamp.from(entry.occurredAt()));
        insert.setString(3, entry.actor());
        insert.setString(4, entry.sourceIp());
        insert.setString(5, entry.action());
        insert.setString(6, entry.objectType());
        insert.setString(7, entry.objectId());
        insert.setString(8, entry.outcome().name());
        if (entry.httpStatus() == null) {
            insert.setNull(9, Types.INTEGER);
        } else {
            insert.setInt(9, entry.httpStatus());
        }
        insert.setString(10, entry.httpMethod());
        insert.setString(11, entry.requestPath());
        insert.setString(12, entry.engineOperationIds());
        insert.setString(13, entry.beforeState());
        insert.setString(14, entry.afterState());
        insert.setString(15, entry.detail());
        insert.setString(16, prevHash);
        insert.setString(17, rowHash);
    }

    static AuditRecord read(ResultSet row) throws SQLException {
        int statusValue = row.getInt("http_status");
        Integer status = row.wasNull() ? null : statusValue;
        AuditEntry entry = new AuditEntry(row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("actor"), row.getString("source_ip"), row.getString("action"),
                row.getString("object_type"), row.getString("object_id"), Outcome.valueOf(row.getString("outcome")),
                status, row.getString("http_method"), row.getString("request_path"),
                row.getString("engine_operation_ids"), row.getString("before_state"), row.getString("after_state"),
                row.getString("detail"));
        return new AuditRecord(row.getLong("seq"), entry, row.getString("prev_hash"), row.getString("row_hash"));
    }

    /**
     * Walks the chain from its start (the genesis, or the newest anchor after a purge) to its head in one
     * consistent snapshot and reports the first broken link. Appends may go on meanwhile; they are not seen.
     */
    public ChainVerification verify() {
        return inTransaction(connection -> {
            try (Statement snapshot = connection.createStatement()) {
                snapshot.execute("set transaction isolation level repeatable read, read only");
            }
            Anchor anchor = latestAnchor(connection);
            long expectedSeq = anchor == null ? 1 : anchor.throughSeq() + 1;
            String expectedPrev = anchor == null ? AuditChain.GENESIS : anchor.rowHash();
            long checked = 0;
            Long firstSeq = null;
            Long lastSeq = null;
            String headHash = null;
            Break firstBreak = null;
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet rows = statement.executeQuery(SELECT_ROWS + " order by seq")) {
                    while (rows.next()) {
                        AuditRecord record = read(rows);
                        checked++;
                        if (firstSeq == null) {
                            firstSeq = record.seq();
                        }
                        lastSeq = record.seq();
                        headHash = record.rowHash();
                        if (firstBreak == null) {
                            firstBreak = check(record, expectedSeq, expectedPrev);
                        }
                        expectedSeq = record.seq() + 1;
                        expectedPrev = record.rowHash();
                    }
                }
            }
            if (firstBreak == null && anchor != null && !purgeRecorded(connection, anchor)) {
                firstBreak = new Break(anchor.throughSeq(), Reason.ANCHOR_NOT_RECORDED,
                        "an AUDIT_PURGE row for seq " + anchor.throughSeq(), "none");
            }
            return new ChainVerification(firstBreak == null, checked, firstSeq, lastSeq, headHash, anchor,
                    firstBreak);
        });
    }

    private static Break check(AuditRecord record, long expectedSeq, String expectedPrev) {
        if (record.seq() != expectedSeq) {
            return new Break(record.seq(), Reason.SEQUENCE_GAP, Long.toString(expectedSeq),
                    Long.toString(record.seq()));
        }
        if (!record.prevHash().equals(expectedPrev)) {
            return new Break(record.seq(), Reason.PREVIOUS_HASH_MISMATCH, expectedPrev, record.prevHash());
        }
        String recomputed = AuditChain.rowHash(record.seq(), record.entry(), record.prevHash());
        if (!recomputed.equals(record.rowHash())) {
            return new Break(record.seq(), Reason.CONTENT_ALTERED, recomputed, record.rowHash());
        }
        return null;
    }

    private static Anchor latestAnchor(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "select through_seq, row_hash, purged_rows, created_at, created_by from audit_anchor "
                        + "order by through_seq desc limit 1")) {
            if (!rows.next()) {
                return null;
            }
            return new Anchor(rows.getLong(1), rows.getString(2), rows.getLong(3),
                    rows.getObject(4, OffsetDateTime.class).toInstant(), rows.getString(5));
        }
    }

    private static boolean purgeRecorded(Connection connection, Anchor anchor) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from audit_event where action = ? "
                + "and object_type = ? and object_id = ? and position(? in detail) > 0")) {
            query.setString(1, AuditRetention.PURGE_ACTION);
            query.setString(2, AuditRetention.OBJECT_TYPE);
            query.setString(3, Long.toString(anchor.throughSeq()));
            query.setString(4, anchor.rowHash());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** What a purge removed; {@code throughSeq} is 0 when there was nothing old enough. */
    public record Purge(long throughSeq, String throughHash, long rows) {
    }

    /**
     * Removes the oldest rows, all of them older than {@code cutoff}, as one prefix of the chain: appends an
     * AUDIT_PURGE row naming the last removed row's seq and hash, records the same as an anchor (the trigger lets
     * only anchored rows be deleted), then deletes. All in one transaction under the chain's lock.
     */
    Purge purgeOlderThan(Instant cutoff, String actor, Function<Purge, String> describe) {
        return inTransaction(connection -> {
            try (Statement lock = connection.createStatement()) {
                lock.execute(LOCK_CHAIN);
            }
            Long through = null;
            try (PreparedStatement query = connection.prepareStatement(
                    "select coalesce((select min(seq) from audit_event where occurred_at >= ?), "
                            + "(select max(seq) + 1 from audit_event)) - 1")) {
                query.setTimestamp(1, Timestamp.from(cutoff));
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        long value = rows.getLong(1);
                        through = rows.wasNull() ? null : value;
                    }
                }
            }
            Anchor anchor = latestAnchor(connection);
            long anchored = anchor == null ? 0 : anchor.throughSeq();
            if (through == null || through <= anchored) {
                return new Purge(0, null, 0);
            }
            String throughHash;
            long count;
            try (PreparedStatement query = connection.prepareStatement(
                    "select (select row_hash from audit_event where seq = ?), "
                            + "(select count(*) from audit_event where seq <= ?)")) {
                query.setLong(1, through);
                query.setLong(2, through);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    throughHash = rows.getString(1);
                    count = rows.getLong(2);
                }
            }
            Purge purge = new Purge(through, throughHash, count);
            appendLocked(connection, List.of(AuditEntry.system(actor, AuditRetention.PURGE_ACTION,
                    AuditRetention.OBJECT_TYPE, Long.toString(through), null, null, describe.apply(purge))));
            try (PreparedStatement insert = connection.prepareStatement("insert into audit_anchor "
                    + "(through_seq, row_hash, purged_rows, created_at, created_by) values (?, ?, ?, now(), ?)")) {
                insert.setLong(1, through);
                insert.setString(2, throughHash);
                insert.setLong(3, count);
                insert.setString(4, actor);
                insert.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from audit_event where seq <= ?")) {
                delete.setLong(1, through);
                delete.executeUpdate();
            }
            return purge;
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * A fresh connection from the pool in a transaction of its own: the audit never joins, waits for or rolls back
     * with the caller's transaction.
     */
    private <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new AuditTrailException(e);
        }
    }

    /** The audit trail could not be read or written. */
    public static class AuditTrailException extends RuntimeException {
        AuditTrailException(SQLException cause) {
            super("Audit trail database access failed: " + cause.getMessage(), cause);
        }
    }
}
