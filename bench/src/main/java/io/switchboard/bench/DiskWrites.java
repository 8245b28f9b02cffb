package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the machine's disks did (Linux {@code /proc/diskstats}, whole disks only): writes and flushes completed and
 * the time they took. Every durable commit on the machine — the hub's broker journal, its H2 file, a PostgreSQL
 * server's WAL — waits for a write and a flush; when their mean time grows, so does every commit's, whatever the
 * hub does. Zero where unknown.
 */
record DiskWrites(long writes, long writeMillis, long flushes, long flushMillis) {

    static final DiskWrites NONE = new DiskWrites(0, 0, 0, 0);

    /** The machine's whole disks so far; {@link #NONE} when unknown (not Linux). */
    static DiskWrites now() {
        try {
            return parse(Files.readString(Path.of("/proc/diskstats")), wholeDisks());
        } catch (IOException | RuntimeException unknown) {
            return NONE;
        }
    }

    /** The disks in {@code /sys/block} that hold data: not loop devices, RAM disks, device-mapper or RAID layers. */
    private static Set<String> wholeDisks() throws IOException {
        try (Stream<Path> block = Files.list(Path.of("/sys/block"))) {
            return block.map(p -> p.getFileName().toString())
                    .filter(name -> !name.matches("(loop|ram|zram|dm-|md|sr|fd|nbd).*"))
                    .collect(Collectors.toSet());
        }
    }

    /**
     * Sums the lines of {@code disks} in a {@code /proc/diskstats} text: writes completed (its 8th field), ms
     * writing (11th), and, on kernels from 5.5, flushes completed (19th) and ms flushing (20th).
     */
    static DiskWrites parse(String diskstats, Set<String> disks) {
        long writes = 0;
        long writeMillis = 0;
        long flushes = 0;
        long flushMillis = 0;
        for (String line : diskstats.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 14 || !disks.contains(f[2])) {
                continue;
            }
            writes += Long.parseLong(f[7]);
            writeMillis += Long.parseLong(f[10]);
            if (f.length >= 20) {
                flushes += Long.parseLong(f[18]);
                flushMillis += Long.parseLong(f[19]);
            }
        }
        return new DiskWrites(writes, writeMillis, flushes, flushMillis);
    }

    DiskWrites since(DiskWrites before) {
        return new DiskWrites(writes - before.writes, writeMillis - before.writeMillis, flushes - before.flushes,
                flushMillis - before.flushMillis);
    }

    double meanWriteMillis() {
        return writes == 0 ? 0 : (double) writeMillis / writes;
    }

    double meanFlushMillis() {
        return flushes == 0 ? 0 : (double) flushMillis / flushes;
    }

    /** For the log; a kernel that counts no flushes (before 5.5) shows writes only, not "0 flushes". */
    @Override
    public String toString() {
        if (writes == 0) {
            return "none";
        }
        String written = String.format(Locale.ROOT, "%d writes, %.2f ms each", writes, meanWriteMillis());
        return flushes == 0 ? written
                : written + String.format(Locale.ROOT, "; %d flushes, %.2f ms each", flushes, meanFlushMillis());
    }
}
