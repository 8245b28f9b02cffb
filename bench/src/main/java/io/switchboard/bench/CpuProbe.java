package io.switchboard.bench;

import java.io.IOException;
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
 * @param millisPerRound the median time of one round of the work, once warmed up (the JIT has compiled it)
 * @param rounds         how many rounds were timed
 * @param checksum       the result of the work, the same on every run (it keeps the JIT from dropping the work)
 */
record CpuProbe(double millisPerRound, int rounds, long checksum) {

    static final int WARMUP_ROUNDS = 10;
    static final int TIMED_ROUNDS = 9;
    static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:-UsePerfData");
    /** The bench's first argument that runs {@link #main} instead of the bench ({@link ChildJvm}). */
    static final String CHILD = "--cpu-probe-child";

    /** Prints one line, {@code <ms per round> <rounds> <checksum>}, for {@link #inOwnJvm}. */
    public static void main(String[] args) {
        CpuProbe probe = measure(WARMUP_ROUNDS, TIMED_ROUNDS);
        System.out.println(probe.millisPerRound() + " " + probe.rounds() + " " + probe.checksum());
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
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a CPU probe's result: " + output);
        }
        return new CpuProbe(Double.parseDouble(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
    }

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
        Arrays.sort(millis);
        return new CpuProbe(millis[timedRounds / 2], timedRounds, checksum);
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
