package dev.pactum.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long {@code java -jar target/pactum.jar} (dev profile: embedded PostgreSQL, demo data) takes until its
 * readiness probe answers 200, first with an empty data folder (PostgreSQL's initdb, every migration, the demo data),
 * then again on the folder it left (the usual restart), and how much memory the app and its PostgreSQL hold then.
 * The baseline in the same run: the bare JVM starting and exiting ({@code java -version}). Then the same two starts
 * with class data sharing as README describes it: the jar extracted, a training run until the context has refreshed
 * ({@code -XX:DumpLoadedClassList}, {@code -Dspring.context.exit=onRefresh}), a static archive of those classes
 * ({@code -Xshare:dump}), then {@code -XX:SharedArchiveFile}.
 * Run after {@code mvn -DskipTests package}: {@code mvn -q -Pbench test-compile exec:java
 * -Dexec.mainClass=dev.pactum.bench.StartupBenchmark} (options -Dbench.port=18080, -Dbench.cds=false to skip the
 * runs with class data sharing).
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target", "pactum.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the jar first: mvn -DskipTests package");
        }
        int port = Integer.getInteger("bench.port", 18080);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.println("Load before: " + Bench.uptime());
        long began = System.nanoTime();
        new ProcessBuilder(java, "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
        System.out.printf("Baseline: the bare JVM starts and exits in %.2f s%n", (System.nanoTime() - began) / 1e9);
        System.out.printf("Jar: %.1f MiB%n", Files.size(jar) / 1048576.0);
        System.out.println("java -jar target/pactum.jar:");
        measure(java, List.of("-jar", jar.toString()), port);
        if (!Boolean.parseBoolean(System.getProperty("bench.cds", "true"))) {
            System.out.println("Load after: " + Bench.uptime());
            return;
        }
        Path cds = Files.createTempDirectory("pactum-cds");
        Path archive = cds.resolve("pactum.jsa");
        Path classList = cds.resolve("pactum.classlist");
        Path extracted = cds.resolve("app");
        run(cds.resolve("extract.log"), java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                extracted.toString());
        Path extractedJar = extracted.resolve(jar.getFileName());
        began = System.nanoTime();
        Path training = Files.createTempDirectory("pactum-cds-training");
        run(cds.resolve("training.log"), appCommand(java, List.of("-XX:DumpLoadedClassList=" + classList,
                "-Dspring.context.exit=onRefresh", "-jar", extractedJar.toString()), port, training));
        // OpenJDK 17.0.15 crashes dumping lambda proxies (SystemDictionaryShared::adjust_lambda_proxy_class_dictionary,
        // with -XX:ArchiveClassesAtExit too): the archive holds the classes, not the lambdas.
        Files.write(classList, Files.readAllLines(classList).stream().filter(line -> !line.startsWith("@lambda-proxy"))
                .toList());
        run(cds.resolve("dump.log"), java, "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-jar", extractedJar.toString());
        System.out.printf("Class data sharing (README): extracted jar, training run until the context refreshed and "
                + "archive dump %.1f s, archive %.1f MiB%n", (System.nanoTime() - began) / 1e9,
                Files.size(archive) / 1048576.0);
        measure(java, List.of("-XX:SharedArchiveFile=" + archive, "-jar", extractedJar.toString()), port);
        System.out.println("Load after: " + Bench.uptime());
    }

    /** Starts the app twice on one data folder: empty, then kept. */
    private static void measure(String java, List<String> launch, int port) throws Exception {
        Path data = Files.createTempDirectory("pactum-startup");
        for (String run : List.of("empty data folder", "kept data folder")) {
            Path log = data.resolveSibling(data.getFileName() + "-" + run.charAt(0) + ".log");
            long began = System.nanoTime();
            Process app = new ProcessBuilder(appCommand(java, launch, port, data))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                double ready = awaitReady(app, port, began, log);
                Thread.sleep(2000); // let start-up's last work settle before reading memory
                List<ProcessHandle> postgres = postgresOf(data.resolve("db"));
                System.out.printf("  %s: ready after %.1f s; RSS: app JVM %s, its PostgreSQL %d MiB (%d processes, "
                        + "shared memory counted in each); %s%n", run, ready, rss(app.pid()),
                        postgres.stream().mapToLong(p -> Bench.residentSetKib(p.pid())).sum() >> 10, postgres.size(),
                        Bench.uptime());
            } finally {
                app.destroy();
                if (!app.waitFor(60, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
        }
    }

    private static List<String> appCommand(String java, List<String> launch, int port, Path data) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(launch);
        command.addAll(List.of("--spring.profiles.active=dev", "--server.port=" + port,
                "--pactum.embedded-database.data-dir=" + data.resolve("db"),
                "--pactum.signing.keystore=" + data.resolve("signing/company.p12")));
        return command;
    }

    private static void run(Path log, String... command) throws Exception {
        run(log, List.of(command));
    }

    private static void run(Path log, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(8, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(1) + " failed; see " + log);
        }
    }

    private static double awaitReady(Process app, int port, long began, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - began < Duration.ofMinutes(8).toNanos()) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - began) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready after 8 minutes; see " + log);
    }

    private static String rss(long pid) {
        return (Bench.residentSetKib(pid) >> 10) + " MiB";
    }

    /** PostgreSQL's server processes work in their data folder (pg_ctl detaches them from the app). */
    private static List<ProcessHandle> postgresOf(Path dataFolder) {
        return ProcessHandle.allProcesses().filter(process -> {
            try {
                return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), dataFolder);
            } catch (IOException goneOrNotOurs) {
                return false;
            }
        }).toList();
    }

}
