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

    /** CPU time (user + system) this JVM has used so far, in nanoseconds. */
    public static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time in nanoseconds used so far by the PostgreSQL server listening on {@code port}: its postmaster, the
     * children it has reaped, and its live children (the backends), read from /proc; 0 without /proc.
     */
    public static long postgresCpuNanos(int port) {
        try (var processes = Files.list(Path.of("/proc"))) {
            java.util.List<Path> pids = processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
            long postmaster = -1;
            for (Path pid : pids) {
                String cmdline = Files.readString(pid.resolve("cmdline")).replace('\0', ' ');
                if (cmdline.contains("postgres") && cmdline.matches(".*-p\\s*" + port + "\\b.*")) {
                    postmaster = Long.parseLong(pid.getFileName().toString());
                }
            }
            if (postmaster < 0) {
                return 0;
            }
            long ticks = 0;
            for (Path pid : pids) {
                String[] stat = statFields(pid);
                if (stat == null) {
                    continue;
                }
                long id = Long.parseLong(pid.getFileName().toString());
                long parent = Long.parseLong(stat[1]);
                if (id == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
                            + Long.parseLong(stat[14]);
                } else if (parent == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
            return ticks * 10_000_000L; // USER_HZ = 100 on Linux
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** /proc/pid/stat's fields after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] statFields(Path pid) {
        try {
            String stat = Files.readString(pid.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
