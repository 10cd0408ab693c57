package dev.pactum.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Backs up and restores the embedded PostgreSQL's cluster as files: a base backup made with PostgreSQL's own
 * low-level backup functions ({@code pg_backup_start} / {@code pg_backup_stop}), which is what {@code pg_basebackup}
 * does over the replication protocol. The embedded binaries ship without {@code pg_dump} and {@code pg_basebackup}
 * (only {@code initdb}, {@code pg_ctl} and {@code postgres}), so the copy is made here, from the server's own
 * folder, which this process can read.
 *
 * <p>A backup is a copy of the data folder taken while the server runs, plus {@code backup_label} and the write-ahead
 * log written during the copy: the first start on a restored folder replays that log onto the copy and so reaches the
 * consistent state of the moment the backup ended. The server may be the running app's (the backup then waits for
 * nobody) or, when no app runs on the folder, one this method starts for the purpose. A temporary replication slot
 * keeps the server from recycling the log the copy needs until it is copied.
 *
 * <p>The copy is of the same PostgreSQL major version (17): a restore needs the same embedded binaries, which the
 * same Pactum release has.
 */
public final class EmbeddedDatabaseBackup {

    /** What the server writes and rewrites in its folder that a copy must leave out (as pg_basebackup does). */
    private static final Set<String> EXCLUDED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "backup_manifest", "pg_internal.init", "epg-lock");
    private static final Set<String> EXCLUDED_FOLDER_CONTENTS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Pattern START_WAL = Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");
    private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");

    private EmbeddedDatabaseBackup() {
    }

    /** Runs with the server up: during a backup, before its end; after a restore, once recovery has finished. */
    @FunctionalInterface
    public interface WhileRunning {
        void accept(DataSource database) throws SQLException;
    }

    /**
     * What a backup holds.
     *
     * @param appWasRunning whether the server was a running app's (else this process started and stopped one)
     */
    public record Backup(Path folder, String serverVersion, String startLsn, String stopLsn,
                         boolean appWasRunning) {
    }

    /** What a restore did. {@code previous} is where the folder it replaced was moved to (null: there was none). */
    public record Restore(Path folder, Path previous) {
    }

    /**
     * Copies the cluster of {@code settings}' data folder into {@code into} (created; it must not exist or be empty).
     *
     * @throws IllegalStateException when the folder holds no cluster or is not a kept folder
     */
    public static Backup backUp(PactumProperties.EmbeddedDatabase settings, Path into, WhileRunning inspect)
            throws IOException, SQLException {
        PostgresDataFolder folder = existingCluster(settings);
        createEmpty(into);
        if (runningApp(folder)) {
            int port = folder.port().orElseThrow(() -> new IllegalStateException("The app running on " + folder.path()
                    + " has no PostgreSQL server yet; try again once it has started"));
            DataSource database = dataSource("jdbc:postgresql://localhost:" + port + "/postgres");
            return copy(database, folder, into, inspect, true);
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings)) {
            return copy(dataSource(server.jdbcUrl()), folder, into, inspect, false);
        }
    }

    private static Backup copy(DataSource database, PostgresDataFolder folder, Path into, WhileRunning inspect,
                               boolean appWasRunning) throws IOException, SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            String serverFolder = single(statement, "show data_directory");
            if (!Files.isSameFile(Path.of(serverFolder), folder.path())) {
                throw new IllegalStateException("The server on port " + connection.getMetaData().getURL()
                        + " keeps its data in " + serverFolder + ", not in " + folder.path());
            }
            String version = single(statement, "show server_version");
            statement.execute("select pg_create_physical_replication_slot('pactum_backup_"
                    + UUID.randomUUID().toString().replace("-", "") + "', true, true)");
            String startLsn = single(statement, "select pg_backup_start('pactum backup', true)::text");
            copyFolder(folder.path(), into, true);
            inspect.accept(database);
            String stopLsn;
            String label;
            String tablespaceMap;
            try (ResultSet stop = statement.executeQuery(
                    "select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)")) {
                stop.next();
                stopLsn = stop.getString(1);
                label = stop.getString(2);
                tablespaceMap = stop.getString(3);
            }
            writeForced(into.resolve("backup_label"), label);
            if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                writeForced(into.resolve("tablespace_map"), tablespaceMap);
            }
            String lastSegment;
            try (PreparedStatement walFile = connection.prepareStatement("select pg_walfile_name(?::pg_lsn)")) {
                walFile.setString(1, stopLsn);
                try (ResultSet name = walFile.executeQuery()) {
                    name.next();
                    lastSegment = name.getString(1);
                }
            }
            copyWal(folder.path().resolve("pg_wal"), into.resolve("pg_wal"), firstSegment(label), lastSegment);
            forceFolders(into);
            return new Backup(into, version, startLsn, stopLsn, appWasRunning);
        }
    }

    /**
     * Puts the backup in {@code from} (a folder {@link #backUp} made) in place of {@code settings}' data folder, whose
     * present content, if any, is moved aside to {@code <folder>.before-restore-<time>}, then starts the server once
     * so that it replays the backup's log, runs {@code inspect}, and stops it.
     *
     * @throws IllegalStateException when an app runs on the folder, or {@code from} is not a backup
     */
    public static Restore restore(Path from, PactumProperties.EmbeddedDatabase settings, WhileRunning inspect)
            throws IOException, SQLException {
        if (!Files.isRegularFile(from.resolve("PG_VERSION")) || !Files.isRegularFile(from.resolve("backup_label"))) {
            throw new IllegalStateException(from + " is not a database backup (it has no PG_VERSION or backup_label)");
        }
        Path target = keptFolder(settings);
        Path previous = null;
        if (Files.exists(target) && !isEmptyFolder(target)) {
            PostgresDataFolder folder = new PostgresDataFolder(target.toRealPath());
            if (runningApp(folder)) {
                throw new IllegalStateException("An app is running on " + target + "; stop it before a restore");
            }
            folder.clearWhatAnEarlierRunLeft();
            previous = target.resolveSibling(target.getFileName() + ".before-restore-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Files.move(target, previous);
        } else {
            Files.deleteIfExists(target);
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.createDirectory(target,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        copyFolder(from, target, false);
        forceFolders(target);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings)) {
            inspect.accept(dataSource(server.jdbcUrl()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The restored database in " + target + " did not start (" + e.getMessage()
                    + ")" + (previous == null ? "" : "; the data it replaced is in " + previous), e);
        }
        return new Restore(target, previous);
    }

    private static PostgresDataFolder existingCluster(PactumProperties.EmbeddedDatabase settings) throws IOException {
        Path path = keptFolder(settings);
        if (!Files.isRegularFile(path.resolve("PG_VERSION"))) {
            throw new IllegalStateException("There is no database in " + path.toAbsolutePath()
                    + " (pactum.embedded-database.data-dir) to back up");
        }
        return new PostgresDataFolder(path.toRealPath());
    }

    private static Path keptFolder(PactumProperties.EmbeddedDatabase settings) {
        if (!settings.persistent()) {
            throw new IllegalStateException("Backups are of a kept embedded database: set"
                    + " pactum.embedded-database.data-dir (the dev profile keeps ./data/postgres)");
        }
        return settings.dataPath().toAbsolutePath().normalize();
    }

    /** Whether a running app holds the folder (zonky's lock, which the OS releases when the app's process ends). */
    private static boolean runningApp(PostgresDataFolder folder) throws IOException {
        Path lockFile = folder.path().resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return true;
        }
    }

    private static void createEmpty(Path into) throws IOException {
        if (Files.exists(into) && !isEmptyFolder(into)) {
            throw new FileAlreadyExistsException(into.toString(), null, "a backup goes into a new or empty folder");
        }
        Files.createDirectories(into);
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }

    /**
     * Copies a folder. From a running server's data folder ({@code live}), what the server keeps only while it runs
     * is left out, and so are files that disappear meanwhile (a dropped table); half-written pages are fine, as
     * replaying the log rewrites them whole. A backup's folder is copied whole.
     */
    private static void copyFolder(Path from, Path to, boolean live) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Path copy = to.resolve(from.relativize(dir).toString());
                if (!dir.equals(from)) {
                    Files.createDirectories(copy);
                }
                boolean contentsExcluded = live && !dir.equals(from) && dir.getParent().equals(from)
                        && EXCLUDED_FOLDER_CONTENTS.contains(dir.getFileName().toString());
                return contentsExcluded ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                boolean excluded = live && (EXCLUDED_FILES.contains(name) || name.startsWith("pgsql_tmp"));
                if (!excluded && attributes.isRegularFile()) {
                    try {
                        copyForced(file, to.resolve(from.relativize(file).toString()));
                    } catch (NoSuchFileException goneMeanwhile) {
                        if (!live) {
                            throw goneMeanwhile;
                        }
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (live && e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void copyWal(Path from, Path to, String first, String last) throws IOException {
        Files.createDirectories(to.resolve("archive_status"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(from)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean needed = WAL_SEGMENT.matcher(name).matches()
                        ? name.compareTo(first) >= 0 && name.compareTo(last) <= 0
                        : name.endsWith(".history");
                if (needed) {
                    copyForced(file, to.resolve(name));
                }
            }
        }
    }

    private static String firstSegment(String label) {
        Matcher start = START_WAL.matcher(label);
        if (!start.find()) {
            throw new IllegalStateException("pg_backup_stop returned a label without its start: " + label);
        }
        return start.group(1);
    }

    private static void copyForced(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        try (FileChannel channel = FileChannel.open(to, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void writeForced(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** A file's new name is durable once its folder is synced too. */
    private static void forceFolders(Path root) throws IOException {
        List<Path> folders;
        try (var walk = Files.walk(root)) {
            folders = walk.filter(Files::isDirectory).toList();
        }
        for (Path folder : folders) {
            try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static DataSource dataSource(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser("postgres");
        return dataSource;
    }
}
