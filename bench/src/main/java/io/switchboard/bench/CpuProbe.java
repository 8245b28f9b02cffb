package io.switchboard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How fast the machine's CPU is right now: the same fixed work on one thread, timed. The hub's figures follow the
 * machine's speed, which on a shared or virtual machine changes from day to day (the web stack's floor took 0.11 ms
 * per request on some days and 0.17 ms on another, on the same code) and within a run, so every run says how fast
 * the machine was next to what it measured. The work is of the kinds the hub does per message: HMAC signatures,
 * strings in hash maps, sorting.
 *
 * <p>It runs in a JVM of its own with a fixed small heap and the serial collector ({@link #JVM_OPTIONS}): in the
 * load generator's JVM the same work took up to four times as long, depending on how its collector had sized the
 * heap by then. Lower is faster; compare it only between runs of the same bench version (the work is part of it).
 *
 * <p>The same JVM then times two things the CPU work does not: a hand-off between two threads (one sleeps until the
 * other wakes it, and back: what every queue between the hub's threads does, the broker's above all) and a round trip
 * of one byte over a loopback TCP connection (what every webhook and chat frame does). The CPU work alone missed this
 * project's slow days: on 2026-11-28 it took 47–55 ms a round, as on the day before, while the web stack's floor cost
 * three to five times as much as on the fast days. Whether these two follow such days, runs on a fast day will tell.
 *
 * <p>Last, the first touch of memory the process has not used before: the kernel maps each 4 KiB page on its first
 * write. On that same day one took 11–15 µs on an idle machine and up to 115 µs under the bench's load (a small C
 * program), and a hub's start-up makes about 100,000 of them (its minor page faults until healthy).
 *
 * @param millisPerRound the median time of one round of the work, once warmed up (the JIT has compiled it)
 * @param rounds         how many rounds were timed
 * @param checksum       the result of the work, the same on every run (it keeps the JIT from dropping the work)
 * @param handoffMicros  the median time of one round trip between two threads that sleep until woken (µs)
 * @param loopbackMicros the median time of one round trip of a byte over loopback TCP (µs)
 * @param pageTouchMicros the median time to write to a 4 KiB page of memory for the first time (µs)
 */
record CpuProbe(double millisPerRound, int rounds, long checksum, double handoffMicros, double loopbackMicros,
                double pageTouchMicros) {

    static final int WARMUP_ROUNDS = 10;
    static final int TIMED_ROUNDS = 9;
    static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:-UsePerfData");
    /** The bench's first argument that runs {@link #main} instead of the bench ({@link ChildJvm}). */
    static final String CHILD = "--cpu-probe-child";

    /** Round trips timed in each batch of the hand-off and loopback measures (the first batch warms up). */
    static final int ROUND_TRIPS_PER_BATCH = 1_000;
    /** Pages first touched in each batch of the page-touch measure: 4 MiB (ten batches fit the probe's JVM). */
    static final int PAGES_PER_BATCH = 1_024;
    static final int PAGE_BYTES = 4_096;

    /**
     * Prints one line, {@code <ms per round> <rounds> <checksum> <hand-off µs> <loopback µs> <page touch µs>}, for
     * {@link #inOwnJvm}.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        CpuProbe cpu = measure(WARMUP_ROUNDS, TIMED_ROUNDS);
        double handoff = handoffMicros(TIMED_ROUNDS, ROUND_TRIPS_PER_BATCH);
        double loopback = loopbackMicros(TIMED_ROUNDS, ROUND_TRIPS_PER_BATCH);
        double pageTouch = pageTouchMicros(TIMED_ROUNDS, PAGES_PER_BATCH);
        System.out.println(cpu.millisPerRound() + " " + cpu.rounds() + " " + cpu.checksum() + " " + handoff + " "
                + loopback + " " + pageTouch);
    }

    /** The probe in a JVM of its own, as {@link #JVM_OPTIONS} say; null (and why on stderr) if that fails. */
    static CpuProbe inOwnJvm() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        Path log = null;
        try {
            command.addAll(ChildJvm.launcher(CHILD, CpuProbe.class));
            log = Files.createTempFile("switchboard-bench-cpu-probe-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = process.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            String output = Files.readString(log).strip();
            if (!ended || process.exitValue() != 0) {
                System.err.println("The CPU probe failed" + (ended ? ": " : " to end within 60 s: ") + output);
                return null;
            }
            return parse(output);
        } catch (IOException | RuntimeException e) {
            System.err.println("The CPU probe could not run: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (log != null) {
                log.toFile().delete();
            }
        }
    }

    /** What {@link #main} printed (its last line). */
    static CpuProbe parse(String output) {
        String[] lines = output.split("\n");
        String[] parts = lines[lines.length - 1].strip().split(" ");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a CPU probe's result: " + output);
        }
        return new CpuProbe(Double.parseDouble(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]),
                Double.parseDouble(parts[3]), Double.parseDouble(parts[4]), Double.parseDouble(parts[5]));
    }

    /** The CPU work alone (no hand-off, loopback or page-touch figure: NaN). */
    static CpuProbe measure(int warmupRounds, int timedRounds) {
        long checksum = 0;
        for (int i = 0; i < warmupRounds; i++) {
            checksum = round();
        }
        double[] millis = new double[timedRounds];
        for (int i = 0; i < timedRounds; i++) {
            long start = System.nanoTime();
            long result = round();
            millis[i] = (System.nanoTime() - start) / 1e6;
            checksum = result;
        }
        return new CpuProbe(median(millis), timedRounds, checksum, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Median µs of one round trip between this thread and another, each asleep ({@link LockSupport#park}) until the
     * other wakes it: {@code batches} timed batches of {@code perBatch} round trips, after one that warms up.
     */
    static double handoffMicros(int batches, int perBatch) throws InterruptedException {
        AtomicInteger turn = new AtomicInteger(); // 1: the other thread's turn, 0: this one's
        Thread self = Thread.currentThread();
        int total = (batches + 1) * perBatch;
        Thread other = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                while (turn.get() != 1) {
                    LockSupport.park();
                }
                turn.set(0);
                LockSupport.unpark(self);
            }
        }, "cpu-probe-handoff");
        other.setDaemon(true);
        other.start();
        double[] micros = new double[batches];
        for (int batch = -1; batch < batches; batch++) {
            long start = System.nanoTime();
            for (int i = 0; i < perBatch; i++) {
                turn.set(1);
                LockSupport.unpark(other);
                while (turn.get() != 0) {
                    LockSupport.park();
                }
            }
            if (batch >= 0) {
                micros[batch] = (System.nanoTime() - start) / 1e3 / perBatch;
            }
        }
        other.join(10_000);
        return median(micros);
    }

    /**
     * Median µs of one round trip of one byte over a loopback TCP connection that another thread echoes:
     * {@code batches} timed batches of {@code perBatch} round trips, after one that warms up.
     */
    static double loopbackMicros(int batches, int perBatch) throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    socket.setTcpNoDelay(true);
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    for (int b = in.read(); b >= 0; b = in.read()) {
                        out.write(b);
                    }
                } catch (IOException closed) {
                    // the probe closed its end
                }
            }, "cpu-probe-echo");
            echo.setDaemon(true);
            echo.start();
            double[] micros = new double[batches];
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                socket.setTcpNoDelay(true);
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                for (int batch = -1; batch < batches; batch++) {
                    long start = System.nanoTime();
                    for (int i = 0; i < perBatch; i++) {
                        out.write(i & 0x7f);
                        if (in.read() < 0) {
                            throw new IOException("the loopback echo closed early");
                        }
                    }
                    if (batch >= 0) {
                        micros[batch] = (System.nanoTime() - start) / 1e3 / perBatch;
                    }
                }
            }
            echo.join(10_000);
            return median(micros);
        }
    }

    /**
     * Median µs to write to a 4 KiB page of memory for the first time: {@code batches} timed batches, after one that
     * warms up, each a new block of {@code pagesPerBatch} pages outside the heap, which the JVM fills with zeros as
     * it allocates it (one write to every page; the zeros themselves take a fraction of a µs a page). The blocks
     * are kept until the probe ends, so no batch gets back memory an earlier one touched.
     */
    static double pageTouchMicros(int batches, int pagesPerBatch) {
        List<ByteBuffer> kept = new ArrayList<>();
        double[] micros = new double[batches];
        for (int batch = -1; batch < batches; batch++) {
            long start = System.nanoTime();
            kept.add(ByteBuffer.allocateDirect(pagesPerBatch * PAGE_BYTES));
            if (batch >= 0) {
                micros[batch] = (System.nanoTime() - start) / 1e3 / pagesPerBatch;
            }
        }
        return median(micros);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One round of the fixed work; returns its checksum. */
    static long round() {
        long seed = 0x5eedcafef00dL;
        long sum = signatures(seed);
        sum += maps(seed);
        return sum + sorted(seed);
    }

    /** 16,000 HMAC-SHA1 signatures of 1 KiB, the kind a Twilio webhook's check makes. */
    private static long signatures(long seed) {
        byte[] payload = new byte[1024];
        for (int i = 0; i < payload.length; i++) {
            seed = next(seed);
            payload[i] = (byte) seed;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec("cpu-probe-key".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            long sum = 0;
            for (int i = 0; i < 16_000; i++) {
                payload[i % payload.length] ^= (byte) i;
                sum += mac.doFinal(payload)[i % 20];
            }
            return sum;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** 40 maps of 5,000 strings each, built, filled and read back. */
    private static long maps(long seed) {
        long sum = 0;
        for (int round = 0; round < 40; round++) {
            Map<String, Integer> map = new HashMap<>();
            for (int i = 0; i < 5_000; i++) {
                seed = next(seed);
                map.put("customer-" + (seed >>> 44) + "-" + i, i);
            }
            for (Map.Entry<String, Integer> e : map.entrySet()) {
                sum += e.getKey().hashCode() ^ map.get(e.getKey());
            }
        }
        return sum;
    }

    /** 300,000 numbers sorted. */
    private static long sorted(long seed) {
        long[] numbers = new long[300_000];
        for (int i = 0; i < numbers.length; i++) {
            seed = next(seed);
            numbers[i] = seed;
        }
        Arrays.sort(numbers);
        return numbers[numbers.length / 2];
    }

    private static long next(long x) {
        // xorshift64: the same numbers on every run and JVM
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return x;
    }
}
