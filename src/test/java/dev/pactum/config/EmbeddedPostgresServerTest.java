package dev.pactum.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL on real processes: what it promises about committed data, and how a start copes with what a
 * run that ended abruptly left in its data folder. The app killed with its whole process tree is in CrashRecoveryIT.
 */
class EmbeddedPostgresServerTest {

    @TempDir
    Path work;

    @Test
    void aKeptFolderCommitsDurably() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(kept(work.resolve("data")))) {
            assertThat(show(server, "fsync")).isEqualTo("on");
            assertThat(show(server, "synchronous_commit")).isEqualTo("on");
            assertThat(show(server, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aTemporaryClusterKeepsTheFastTestSettings() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new PactumProperties.EmbeddedDatabase("", true))) {
            assertThat(show(server, "fsync")).isEqualTo("off");
            assertThat(show(server, "synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void aServerThatDiedLeavesItsCommittedDataToTheNextStart() throws Exception {
        Path data = work.resolve("data");
        EmbeddedPostgresServer crashed = EmbeddedPostgresServer.start(kept(data));
        execute(crashed, "CREATE TABLE contract (number text); INSERT INTO contract VALUES ('HT-2026-000001')");
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid(data)).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(10, TimeUnit.SECONDS);
        crashed.close(); // its stop finds no server; this frees the folder as the death of its JVM would

        assertThat(data.resolve("postmaster.pid")).exists();
        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.start(kept(data))) {
            assertThat(query(next, "SELECT number FROM contract")).containsExactly("HT-2026-000001");
        }
    }

    @Test
    void aPostmasterPidNamingAnotherProgramDoesNotBlockTheStart() throws Exception {
        Path data = work.resolve("data");
        String pidFile;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(kept(data))) {
            execute(first, "CREATE TABLE contract (number text); INSERT INTO contract VALUES ('HT-2026-000002')");
            pidFile = Files.readString(data.resolve("postmaster.pid"));
        }
        // After a reboot the pid of the crashed server may belong to any program: this JVM stands in for one.
        Files.writeString(data.resolve("postmaster.pid"),
                pidFile.replaceFirst("^\\d+", Long.toString(ProcessHandle.current().pid())));

        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.start(kept(data))) {
            assertThat(query(next, "SELECT number FROM contract")).containsExactly("HT-2026-000002");
        }
    }

    @Test
    void aFolderInUseByARunningAppIsLeftAlone() throws Exception {
        Path data = work.resolve("data");
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(kept(data))) {
            long pid = postmasterPid(data);

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(kept(data)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running app");
            assertThat(ProcessHandle.of(pid)).isPresent();
            assertThat(show(running, "fsync")).isEqualTo("on");
        }
    }

    private static PactumProperties.EmbeddedDatabase kept(Path folder) {
        return new PactumProperties.EmbeddedDatabase(folder.toString(), false);
    }

    private static long postmasterPid(Path data) throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    }

    private static String show(EmbeddedPostgresServer server, String setting) throws SQLException {
        return query(server, "SHOW " + setting).get(0);
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
