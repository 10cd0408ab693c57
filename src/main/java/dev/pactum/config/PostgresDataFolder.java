package dev.pactum.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    Path pidFile() {
        return path.resolve("postmaster.pid");
    }

    /** The first line of {@code postmaster.pid}: the server's process id, while it runs or after it crashed. */
    OptionalLong postmasterPid() throws IOException {
        if (!Files.exists(pidFile())) {
            return OptionalLong.empty();
        }
        try (var lines = Files.lines(pidFile())) {
            return lines.findFirst().map(String::strip).filter(line -> line.matches("\\d+"))
                    .map(line -> OptionalLong.of(Long.parseLong(line))).orElse(OptionalLong.empty());
        }
    }

    /** The running PostgreSQL processes (server and backends) of this folder. */
    List<ProcessHandle> serverProcesses() {
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
     * still running on the folder (its app was killed together with the watchdog), waits for the backends of one that
     * died, or removes a {@code postmaster.pid} whose pid now belongs to another program (pids are reused after a
     * reboot, and PostgreSQL would take it for a running server). Says what it found in one log line. Refuses while
     * another running app holds the folder, whose server this is.
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
        List<ProcessHandle> servers = serverProcesses();
        Optional<ProcessHandle> postmaster = servers.stream()
                .filter(process -> pid.isPresent() && process.pid() == pid.getAsLong()).findFirst();
        if (postmaster.isPresent()) {
            fastShutdown(postmaster.get());
            awaitExit(servers);
            log.warn("Stopped the PostgreSQL server (pid {}) that an earlier run left running on {}; starting afresh"
                    + " on the same data", pid.getAsLong(), path);
        } else if (!servers.isEmpty()) {
            // Backends notice their server's death and leave; a new server may start only once they have.
            awaitExit(servers);
            log.warn("PostgreSQL on {} ended abruptly last time (server process gone, {} backends waited for);"
                    + " it recovers from its write-ahead log", path, servers.size());
        } else if (pid.isEmpty() || ProcessHandle.of(pid.getAsLong()).isPresent()) {
            Files.delete(pidFile());
            log.warn("Removed the stale postmaster.pid of {}: {}; PostgreSQL recovers from its write-ahead log", path,
                    pid.isEmpty() ? "it holds no process id" : "pid " + pid.getAsLong() + " now belongs to another program");
        } else {
            log.info("PostgreSQL on {} ended abruptly last time (pid {} is gone); it recovers from its write-ahead log",
                    path, pid.getAsLong());
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

    private void awaitExit(List<ProcessHandle> processes) throws IOException {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL processes " + processes.stream().map(ProcessHandle::pid).toList()
                    + " of " + path + " did not end within " + SHUTDOWN.toSeconds() + " seconds; stop them by hand", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for PostgreSQL on " + path + " to stop", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
