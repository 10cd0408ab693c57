package dev.pactum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every benchmark prints beside its figures. */
public final class Bench {

    private Bench() {
    }

    /**
     * The machine's load average (1, 5 and 15 minutes) and core count: the figures of a run on a machine shared with
     * other builds are only comparable with the baselines measured in the same run.
     */
    public static String uptime() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + load[0] + ", " + load[1] + ", " + load[2] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return "load average unknown (" + e.getMessage() + "), " + Runtime.getRuntime().availableProcessors() + " cores";
        }
    }

    /** A process's resident set in KiB, from /proc (0 when it has gone or the system has no /proc). */
    public static long residentSetKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
