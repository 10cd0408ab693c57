package dev.pactum.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pactum.audit.AuditEntry.Outcome;
import dev.pactum.audit.ChainVerification.Reason;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The chain itself on a real PostgreSQL with only the audit migration: sealing, the trigger, tamper evidence,
 * concurrent appenders on separate connection pools (two nodes), and the retention purge. Each test gets a fresh
 * database.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditChainTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static String migration;

    private final List<HikariDataSource> pools = new ArrayList<>();
    private String database;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        try (InputStream sql = AuditChainTest.class.getResourceAsStream("/db/migration/V30__audit_trail.sql")) {
            migration = new String(sql.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        database = "audit" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        try (Connection connection = pool().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(migration);
        }
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    /** A connection pool of its own, as a separate app node would have. */
    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", database));
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    private static AuditEntry entry(String actor, Instant at) {
        return new AuditEntry(at, actor, "127.0.0.1", "CONTRACT_VIEW", "contract", "42", Outcome.SUCCESS, 200, "GET",
                "/api/contracts/42", null, null, "{\"Contract#42\":{\"status\":\"DRAFT\"}}", "q=审批");
    }

    @Test
    void appendedRowsFormOneChainThatVerifies() {
        AuditTrail trail = new AuditTrail(pool());

        AuditRecord first = trail.append(entry("sales1", Instant.now()));
        AuditRecord second = trail.append(entry("manager1", Instant.now()));
        ChainVerification verification = trail.verify();

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.rowHash());
        assertThat(verification.intact()).isTrue();
        assertThat(verification.rowsChecked()).isEqualTo(2);
        assertThat(verification.headHash()).isEqualTo(second.rowHash());
        assertThat(verification.firstBreak()).isNull();
    }

    @Test
    void textThatPostgresRefusesIsStillRecorded() {
        AuditTrail trail = new AuditTrail(pool());

        AuditRecord record = trail.append(new AuditEntry(Instant.now(), null, "127.0.0.1", "LOGIN_FAILED", "user",
                "admin\u0000' or 1=1", Outcome.FAILURE, 302, "POST", "/login", null, null, null, "x".repeat(5000)));

        assertThat(record.entry().actor()).isEqualTo(AuditEntry.ANONYMOUS);
        assertThat(record.entry().objectId()).isEqualTo("admin\uFFFD' or 1=1");
        assertThat(record.entry().detail()).hasSize(2000).endsWith("…");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncateForEveryClient() throws SQLException {
        HikariDataSource pool = pool();
        new AuditTrail(pool).append(entry("sales1", Instant.now()));

        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("update audit_event set actor = 'mallory'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("delete from audit_event"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("truncate audit_event"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("insert into audit_anchor values (1, '" + "f".repeat(64)
                    + "', 1, now(), 'mallory')")).hasMessageContaining("no audit_event row");
        }
    }

    @Test
    void aChangedRowIsNamedByVerification() throws SQLException {
        HikariDataSource pool = pool();
        AuditTrail trail = new AuditTrail(pool);
        for (int i = 0; i < 5; i++) {
            trail.append(entry("sales1", Instant.now()));
        }

        asSuperuser(pool, "update audit_event set actor = 'sales2' where seq = 3");
        ChainVerification changed = trail.verify();

        assertThat(changed.intact()).isFalse();
        assertThat(changed.firstBreak().seq()).isEqualTo(3);
        assertThat(changed.firstBreak().reason()).isEqualTo(Reason.CONTENT_ALTERED);
    }

    @Test
    void aRowResealedByHandBreaksTheLinkToTheNextRow() throws SQLException {
        HikariDataSource pool = pool();
        AuditTrail trail = new AuditTrail(pool);
        List<AuditRecord> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(trail.append(entry("sales1", Instant.now())));
        }
        AuditRecord second = rows.get(1);
        AuditEntry forged = entry("sales2", second.entry().occurredAt());
        String forgedHash = AuditChain.rowHash(2, forged, second.prevHash());

        asSuperuser(pool, "update audit_event set actor = 'sales2', row_hash = '" + forgedHash + "' where seq = 2");
        ChainVerification resealed = trail.verify();

        assertThat(resealed.firstBreak().seq()).isEqualTo(3);
        assertThat(resealed.firstBreak().reason()).isEqualTo(Reason.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void aDeletedRowLeavesAGap() throws SQLException {
        HikariDataSource pool = pool();
        AuditTrail trail = new AuditTrail(pool);
        for (int i = 0; i < 4; i++) {
            trail.append(entry("sales1", Instant.now()));
        }

        asSuperuser(pool, "delete from audit_event where seq = 2");
        ChainVerification gap = trail.verify();

        assertThat(gap.firstBreak().seq()).isEqualTo(3);
        assertThat(gap.firstBreak().reason()).isEqualTo(Reason.SEQUENCE_GAP);
        assertThat(gap.firstBreak().expected()).isEqualTo("2");
    }

    @Test
    void twoNodesAppendingAtOnceKeepOneChain() throws Exception {
        // Two nodes: separate pools, separate AuditTrail instances, one database.
        List<AuditTrail> nodes = List.of(new AuditTrail(pool()), new AuditTrail(pool()));
        int threadsPerNode = 4;
        int appendsPerThread = 150;
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size() * threadsPerNode);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<AuditRecord>>> results = new ArrayList<>();
        for (AuditTrail node : nodes) {
            for (int t = 0; t < threadsPerNode; t++) {
                String actor = "user" + results.size();
                results.add(threads.submit(() -> {
                    start.await();
                    List<AuditRecord> appended = new ArrayList<>();
                    for (int i = 0; i < appendsPerThread; i++) {
                        appended.add(node.append(entry(actor, Instant.now())));
                    }
                    return appended;
                }));
            }
        }
        long started = System.nanoTime();
        start.countDown();
        Set<Long> seqs = new HashSet<>();
        Set<String> predecessors = new HashSet<>();
        for (Future<List<AuditRecord>> result : results) {
            for (AuditRecord record : result.get()) {
                seqs.add(record.seq());
                predecessors.add(record.prevHash());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        threads.shutdown();
        int total = nodes.size() * threadsPerNode * appendsPerThread;

        ChainVerification verification = nodes.get(0).verify();

        assertThat(seqs).hasSize(total);
        assertThat(predecessors).as("no two rows share a predecessor: no fork").hasSize(total);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.rowsChecked()).isEqualTo(total);
        assertThat(verification.lastSeq()).isEqualTo(total);
        System.out.printf("Audit chain: %d appends from 2 nodes x %d threads in %.2f s = %.0f rows/s%n",
                total, threadsPerNode, seconds, total / seconds);
    }

    @Test
    void thePurgeRemovesOldRowsUnderAnAnchorAndTheChainStillVerifies() throws SQLException {
        HikariDataSource pool = pool();
        AuditTrail trail = new AuditTrail(pool);
        Instant now = Instant.parse("2036-06-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            trail.append(entry("sales1", now.minus(Duration.ofDays(4000))));
        }
        trail.append(entry("sales1", now.minus(Duration.ofDays(10))));
        trail.append(entry("sales1", now.minus(Duration.ofDays(5000))));
        AuditRetention retention = new AuditRetention(trail,
                new AuditProperties(Duration.ofDays(3650), "-", List.of()), Clock.fixed(now, ZoneOffset.UTC));

        retention.purgeExpired();
        ChainVerification after = trail.verify();
        AuditTrail.Purge again = retention.purgeOlderThan(now.minus(Duration.ofDays(3650)), "admin");

        // Only the prefix 1..3 is older than ten years; row 5 is older too but comes after a newer row, so it stays.
        assertThat(after.intact()).as(String.valueOf(after.firstBreak())).isTrue();
        assertThat(after.anchor().throughSeq()).isEqualTo(3);
        assertThat(after.anchor().purgedRows()).isEqualTo(3);
        assertThat(after.firstSeq()).isEqualTo(4);
        assertThat(after.lastSeq()).isEqualTo(6);
        assertThat(again.rows()).isZero();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("delete from audit_event where seq = 4"))
                    .as("rows no anchor vouches for stay undeletable").hasMessageContaining("append-only");
            var purgeRow = statement.executeQuery("select actor, detail from audit_event where action = 'AUDIT_PURGE'");
            assertThat(purgeRow.next()).isTrue();
            assertThat(purgeRow.getString("actor")).isEqualTo(AuditEntry.SYSTEM);
            assertThat(purgeRow.getString("detail")).contains("\"throughSeq\":3", after.anchor().rowHash());
        }
        AuditRecord next = trail.append(entry("sales1", now));
        assertThat(next.seq()).isEqualTo(7);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void purgingEverythingStillLeavesTheChainAnchored() {
        AuditTrail trail = new AuditTrail(pool());
        Instant now = Instant.now();
        trail.append(entry("sales1", now.minus(Duration.ofDays(5000))));
        trail.append(entry("sales1", now.minus(Duration.ofDays(5000))));

        AuditTrail.Purge purge = new AuditRetention(trail, new AuditProperties(Duration.ofDays(3650), "-", List.of()),
                Clock.systemUTC()).purgeOlderThan(now.minus(Duration.ofDays(3650)), "admin");
        AuditRecord next = trail.append(entry("sales1", now));
        ChainVerification verification = trail.verify();

        assertThat(purge.rows()).isEqualTo(2);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.firstSeq()).isEqualTo(3);
        assertThat(next.seq()).isEqualTo(4);
    }

    @Test
    void aFailedWriteIsLoudButDoesNotFailTheCaller(CapturedOutput output) {
        HikariDataSource unreachable = pool();
        AuditTrail trail = new AuditTrail(unreachable);
        unreachable.close();

        trail.record(entry("sales1", Instant.now()));

        assertThat(trail.failedAppends()).isEqualTo(1);
        assertThat(output.getOut() + output.getErr()).contains("ERROR").contains("AUDIT TRAIL WRITE FAILED")
                .contains("actor=sales1");
    }

    /** What someone with the database's superuser could do: switch the triggers off for one transaction. */
    private static void asSuperuser(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local session_replication_role = replica");
                statement.execute(sql);
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
    }
}
