package dev.pactum.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL data folder (a real path) and the server processes running on it. A PostgreSQL process works in its
 * data folder, so {@code /proc/<pid>/cwd} tells which folder a server (or any of its backends) belongs to.
 */
record PostgresDataFolder(Path path) {

    private static final Logger log = LoggerFactory.getLogger(PostgresDataFolder.class);

    /** Zonky's lock in the data folder: held by the app whose server runs on it, released by the OS when it dies. */
    private static final String APP_LOCK = "epg-lock";

    private static final Duration SHUTDOWN = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofMillis(100);

    Path pidFile() {
        return path.resolve("postmaster.pid");
    }

    /** The first line of {@code postmaster.pid}: the server's process id, while it runs or after it crashed. */
    OptionalLong postmasterPid() throws IOException {
        try (var lines = Files.lines(pidFile())) {
            return lines.findFirst().map(String::strip).filter(line -> line.matches("\\d+"))
                    .map(line -> OptionalLong.of(Long.parseLong(line))).orElse(OptionalLong.empty());
        } catch (NoSuchFileException noServer) {
            return OptionalLong.empty();
        }
    }

    /** The fourth line of {@code postmaster.pid}: the port the running server listens on. */
    OptionalInt port() throws IOException {
        try {
            List<String> lines = Files.readAllLines(pidFile());
            return lines.size() > 3 && lines.get(3).strip().matches("\\d+")
                    ? OptionalInt.of(Integer.parseInt(lines.get(3).strip())) : OptionalInt.empty();
        } catch (NoSuchFileException noServer) {
            return OptionalInt.empty();
        }
    }

    /** The PostgreSQL processes (server and backends) working in this folder; one that ended has no folder. */
    private List<ProcessHandle> serverProcesses() {
        return ProcessHandle.allProcesses().filter(this::isServerProcess).toList();
    }

    private boolean isServerProcess(ProcessHandle process) {
        if (!process.info().command().map(command -> command.endsWith("/postgres")).orElse(false)) {
            return false;
        }
        try {
            return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), path);
        } catch (IOException goneOrNotOurs) {
            return false;
        }
    }

    /**
     * Runs when {@code postmaster.pid} is still there, i.e. the last run did not shut its server down: stops a server
     * still running on the folder (its app was killed together with the watchdog) or waits for the backends of one
     * that died, then removes the stale {@code postmaster.pid}, whose pid may by now belong to another program (pids
     * are reused, after a reboot especially) that PostgreSQL would take for a running server. Says what it found in
     * one log line. Refuses while another running app holds the folder, as the server is then that app's.
     */
    void clearWhatAnEarlierRunLeft() throws IOException {
        if (!Files.exists(pidFile())) {
            return;
        }
        try (FileChannel channel = FileChannel.open(path.resolve(APP_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException("The data folder " + path + " is in use by another running app;"
                        + " stop it, or set pactum.embedded-database.data-dir to another folder");
            }
            clearWithTheFolderLocked();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private void clearWithTheFolderLocked() throws IOException {
        OptionalLong pid = postmasterPid();
        String server = pid.isPresent() ? "server (pid " + pid.getAsLong() + ")" : "server";
        Optional<ProcessHandle> postmaster = serverProcesses().stream()
                .filter(process -> pid.isPresent() && process.pid() == pid.getAsLong()).findFirst();
        if (postmaster.isPresent()) {
            fastShutdown(postmaster.get());
        }
        // Backends notice their server's end and leave; a new server may start only once they have.
        awaitNoServerProcess();
        Files.deleteIfExists(pidFile());
        if (postmaster.isPresent()) {
            log.warn("Stopped the PostgreSQL {} that an earlier run left running on {}; starting afresh on the same data",
                    server, path);
        } else {
            log.warn("The PostgreSQL {} on {} ended abruptly last time; it recovers from its write-ahead log", server,
                    path);
        }
    }

    private static void fastShutdown(ProcessHandle postmaster) throws IOException {
        // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, committed work is checkpointed.
        Process kill = new ProcessBuilder("sh", "-c", "kill -INT \"$1\"", "kill", Long.toString(postmaster.pid()))
                .inheritIO().start();
        try {
            kill.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping PostgreSQL pid " + postmaster.pid(), e);
        }
    }

    /**
     * Polls, since a process's end cannot be awaited here: the server is not this JVM's child, and until its parent
     * reaps it, an ended process still has a pid (the {@code cwd} a folder check reads is gone already).
     */
    private void awaitNoServerProcess() throws IOException {
        Instant deadline = Instant.now().plus(SHUTDOWN);
        List<ProcessHandle> running = serverProcesses();
        while (!running.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL processes " + running.stream().map(ProcessHandle::pid)
                        .toList() + " of " + path + " did not end within " + SHUTDOWN.toSeconds()
                        + " seconds; stop them by hand");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for PostgreSQL on " + path + " to stop", e);
            }
            running = serverProcesses();
        }
    }
}
