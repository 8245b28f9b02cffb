package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the figures were taken: cores, memory, CPU model and load (Linux /proc). */
record Machine(int cores, long memoryMiB, String cpuModel, String javaVersion, String loadAverage) {

    static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemoryMiB(), readCpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), load());
    }

    static String load() {
        String line = read("/proc/loadavg");
        String[] parts = line.split(" ");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "unknown";
    }

    /**
     * CPU time every process on the machine has used since boot (user, nice, system, interrupts; not
     * idle, I/O wait or the time a hypervisor gave to other machines), in ms; -1 when unknown. Counts
     * the database server when it runs here, and the load generator.
     */
    static long busyMillis() {
        String[] first = read("/proc/stat").split("\n", 2)[0].trim().split("\\s+");
        if (first.length < 9 || !first[0].equals("cpu")) {
            return -1;
        }
        long ticks = 0;
        for (int field : new int[] {1, 2, 3, 6, 7}) {
            ticks += Long.parseLong(first[field]);
        }
        return ThreadCpu.millis(ticks);
    }

    private static long readMemoryMiB() {
        for (String line : read("/proc/meminfo").split("\n")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static String readCpuModel() {
        for (String line : read("/proc/cpuinfo").split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return System.getProperty("os.arch");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
