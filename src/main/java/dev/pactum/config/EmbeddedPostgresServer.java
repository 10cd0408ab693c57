package dev.pactum.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL and the folder it keeps its data in. A kept folder runs durable, so a power cut or an OS
 * crash loses no committed transaction; a temporary one keeps zonky's fast test settings, since nothing in it outlives
 * the run. The server never outlives the app by more than a moment: a watchdog started with it stops it once this JVM
 * is gone, however it ended, and a start first clears what an earlier run of the same folder left behind.
 */
final class EmbeddedPostgresServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** Zonky waits 10 seconds; crash recovery of a large folder on a busy machine may take longer. */
    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final EmbeddedPostgres postgres;
    private final Process watchdog;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Process watchdog) {
        this.postgres = postgres;
        this.watchdog = watchdog;
    }

    static EmbeddedPostgresServer start(PactumProperties.EmbeddedDatabase settings) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // Spring stops the server (see EmbeddedDatabaseConfiguration); zonky's own hook would race the engine's shutdown.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP);
        PostgresDataFolder folder;
        if (settings.persistent()) {
            Files.createDirectories(settings.dataPath());
            folder = new PostgresDataFolder(settings.dataPath().toRealPath());
            folder.clearWhatAnEarlierRunLeft();
            // Zonky starts every server with -F (fsync off) and synchronous_commit=off, which is right for a throw-away
            // test cluster only. These -c options come after -F on the command line, so they win.
            builder.setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        } else {
            // Zonky's own default (a fresh temp folder, deleted on close), made here so the watchdog knows the folder.
            folder = new PostgresDataFolder(Files.createTempDirectory("epg").toRealPath());
        }
        EmbeddedPostgres postgres = builder.setDataDirectory(folder.path()).start();
        Process watchdog;
        try {
            watchdog = startWatchdog(folder);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        log.info("Embedded PostgreSQL on port {} (data: {})", postgres.getPort(),
                settings.persistent() ? folder.path() : "temporary");
        return new EmbeddedPostgresServer(postgres, watchdog);
    }

    /**
     * A shell whose standard input is a pipe from this JVM. The OS closes the pipe when the JVM dies, {@code kill -9}
     * and the OOM killer included; the shell then asks the server for a fast shutdown (committed work is kept, open
     * transactions roll back). It checks first that the pid is still the server of this folder, as pids are reused.
     */
    private static Process startWatchdog(PostgresDataFolder folder) throws IOException {
        long postmaster = folder.postmasterPid().orElseThrow(
                () -> new IllegalStateException("PostgreSQL started without writing " + folder.pidFile()));
        return new ProcessBuilder("sh", "-c",
                // The terminal's hang-up and Ctrl-C reach the JVM too, which then stops the server itself.
                "trap '' HUP INT; while read -r ignored; do :; done; "
                        + "cd \"/proc/$1/cwd\" 2>/dev/null && [ \"$(pwd -P)\" = \"$2\" ] && kill -INT \"$1\"",
                "pactum-postgres-watchdog", Long.toString(postmaster), folder.path().toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        // First, so that the watchdog never signals a pid the stopped server no longer owns.
        watchdog.destroy();
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
