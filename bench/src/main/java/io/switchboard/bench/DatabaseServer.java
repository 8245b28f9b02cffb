package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL server on this machine, seen from {@code /proc}: the CPU time of its processes, and how often they went
 * to sleep until woken (voluntary context switches). A server process sleeps until its connection's next message
 * arrives, so each statement the hub sends one at a time wakes it about once: a round trip. On this project's slow days the
 * round trips, not the statements, were most of PostgreSQL's cost per message (twenty-second round); the sustained
 * phase reports both per message, so every PostgreSQL run counts them (JSON {@code databaseServerPerMessage}).
 */
final class DatabaseServer {

    /** The server's processes' name in {@code /proc/<pid>/stat} (the postmaster and every backend). */
    static final String PROCESS_NAME = "postgres";

    /**
     * Per message, between two samples: the server's CPU time (user + system, ms) and its processes' wake-ups.
     * Only processes in both samples count (a connection opened or closed in between is left out).
     */
    record PerMessage(double cpuMillis, double wakeUps) {
    }

    private DatabaseServer() {
    }

    /** The server's processes and what each has used so far; empty when there is none here (or no {@code /proc}). */
    static Map<Long, ThreadCpu.Task> sample() {
        Map<Long, ThreadCpu.Task> processes = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    if (isServer(stat)) {
                        ThreadCpu.parse(stat).ifPresent(task -> {
                            try {
                                processes.put(Long.parseLong(dir.getFileName().toString()),
                                        ThreadCpu.withSwitches(task, Files.readString(dir.resolve("status"))));
                            } catch (IOException ended) {
                                // the process ended while we looked
                            }
                        });
                    }
                } catch (IOException | RuntimeException ended) {
                    // not ours to read, or it ended while we looked
                }
            });
        } catch (IOException | RuntimeException unknown) {
            return Map.of();
        }
        return processes;
    }

    /** Whether a {@code /proc/<pid>/stat} line is one of the server's processes. */
    static boolean isServer(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        return open >= 0 && close > open && stat.substring(open + 1, close).equals(PROCESS_NAME);
    }

    /** Per message between two samples; empty without a server in both, or without messages. */
    static Optional<PerMessage> perMessage(Map<Long, ThreadCpu.Task> before, Map<Long, ThreadCpu.Task> after,
                                           long messages) {
        if (messages <= 0) {
            return Optional.empty();
        }
        long ticks = 0;
        long wakeUps = 0;
        boolean any = false;
        for (Map.Entry<Long, ThreadCpu.Task> now : after.entrySet()) {
            ThreadCpu.Task earlier = before.get(now.getKey());
            if (earlier != null) {
                any = true;
                ticks += now.getValue().ticks() - earlier.ticks();
                wakeUps += now.getValue().waits() - earlier.waits();
            }
        }
        // USER_HZ: 100 ticks per second on Linux, as ThreadCpu counts them
        return any ? Optional.of(new PerMessage(ticks * 10.0 / messages, wakeUps / (double) messages))
                : Optional.empty();
    }
}
