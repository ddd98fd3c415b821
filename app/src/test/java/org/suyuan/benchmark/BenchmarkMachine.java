package org.suyuan.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a benchmark prints about the machine it ran on, so that its figures can be read against it. */
final class BenchmarkMachine {

    private BenchmarkMachine() {}

    /** The 1, 5 and 15 minute load averages, or "unknown" off Linux. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Prints cores, Java, load average and the database (without its credentials), tagged with the benchmark. */
    static void describe(String tag, String databaseUrl) {
        System.out.printf(
                "[%s] %d cores, Java %s, load average %s; database %s%n",
                tag,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                loadAverage(),
                databaseUrl.replaceFirst("\\?.*", ""));
    }
}
