package io.switchboard.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL server on this machine, seen from {@code /proc}: the CPU time of its processes, and how often they went
 * to sleep until woken (voluntary context switches). A server process sleeps until its connection's next message
 * arrives, so each statement the hub sends one at a time wakes it about once: a round trip. On this project's slow
 * days the round trips, not the statements, were most of PostgreSQL's cost per message (twenty-second round); the
 * sustained phase reports both per message, so every PostgreSQL run counts them
 * (JSON {@code databaseServerPerMessage}).
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
        return ThreadCpu.read(Path.of("/proc"), DatabaseServer::isServer);
    }

    /** Whether a {@code /proc/<pid>/stat} line is one of the server's processes. */
    static boolean isServer(String stat) {
        return ThreadCpu.name(stat).filter(PROCESS_NAME::equals).isPresent();
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
        return any ? Optional.of(new PerMessage(ThreadCpu.millis(ticks) / (double) messages,
                wakeUps / (double) messages)) : Optional.empty();
    }
}
