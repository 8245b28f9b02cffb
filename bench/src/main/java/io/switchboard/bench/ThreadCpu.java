package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The hub's CPU time by kind of thread, read from Linux {@code /proc/<pid>/task/<tid>/stat}: where a message's
 * cost goes (the web threads, the inbox's consumers, the broker …) without a profiler. The JVM names each
 * native thread after its Java thread, cut to 15 characters, which is what the kinds below match.
 *
 * <p>Also each thread's context switches ({@code /proc/<pid>/task/<tid>/status}): how often a thread went to sleep
 * until another woke it (voluntary: a hand-off from one thread to another, a wait for the disk or a lock), and how
 * often it was taken off a core it still wanted (involuntary). They are counts, so they do not depend on how fast the
 * machine is, and on a virtual machine a wake-up costs far more than the few instructions it runs.
 */
final class ThreadCpu {

    /** A kind of thread and how the report names it. */
    record Kind(String key, String label) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("web", "web threads (Tomcat: webhooks, chat frames, agent API and push)"),
            new Kind("inbox", "inbox consumers (store, events)"),
            new Kind("broker", "broker (Artemis)"),
            new Kind("database", "H2's own writers"),
            new Kind("camel", "Camel consumers (replies, delivery status, realtime fan-out)"),
            new Kind("events", "outbox relay, routing, CRM delivery"),
            new Kind("jit", "JIT compilers"),
            new Kind("gc", "garbage collector"),
            new Kind("other", "other, and threads that ended"));

    static final String OTHER = "other";

    private ThreadCpu() {
    }

    /** The kind of a thread by its native name ({@code comm}, at most 15 characters). */
    static String kind(String comm) {
        if (comm.startsWith("http-nio-")) {
            return "web";
        }
        if (comm.startsWith("inbox-consumer")) {
            return "inbox";
        }
        if (comm.startsWith("Camel (")) {
            return "camel";
        }
        if (comm.startsWith("activemq-") || comm.startsWith("Thread-") && comm.contains(" (")) {
            return "broker"; // Artemis names its pool threads "Thread-N (ActiveMQ-…)" or "Thread-N (org.apache.activemq…)"
        }
        if (comm.startsWith("H2-") || comm.startsWith("MVStore")) {
            return "database";
        }
        if (comm.startsWith("event-outbox") || comm.startsWith("routing") || comm.startsWith("webhook-dispatc")
                || comm.startsWith("crm-")) {
            return "events";
        }
        if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
            return "jit";
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
            return "gc";
        }
        return OTHER;
    }

    /**
     * One thread's kind, the CPU time (user + system) it had used, in clock ticks, and its context switches so far:
     * {@code waits} voluntary, {@code preempted} involuntary.
     */
    record Task(String kind, long ticks, long waits, long preempted) {

        Task(String kind, long ticks) {
            this(kind, ticks, 0, 0);
        }
    }

    /**
     * Context switches of the hub's threads per message: {@code waits} (voluntary) in all and by kind (every kind, in
     * {@link #KINDS} order), {@code preempted} (involuntary) in all. A thread that started in between counts whole, one
     * that ended is lost.
     */
    record Switches(double waits, Map<String, Double> waitsByKind, double preempted) {
    }

    /** Every thread of process {@code pid} now, by thread id; empty when unknown (not Linux, process gone). */
    static Map<Long, Task> sample(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "task"));
    }

    static Map<Long, Task> read(Path tasks) {
        return read(tasks, stat -> true);
    }

    /**
     * Every task of a {@code /proc}-like folder (its {@code task} folder, or {@code /proc} itself for processes) whose
     * {@code stat} line {@code which} accepts, by id; entries that are not numbers or ended while read are skipped.
     */
    static Map<Long, Task> read(Path tasks, Predicate<String> which) {
        Map<Long, Task> threads = new HashMap<>();
        try (Stream<Path> ids = Files.list(tasks)) {
            for (Path task : ids.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    Optional<Task> parsed = which.test(stat) ? parse(stat) : Optional.empty();
                    if (parsed.isPresent()) {
                        threads.put(Long.parseLong(task.getFileName().toString()),
                                withSwitches(parsed.get(), Files.readString(task.resolve("status"))));
                    }
                } catch (IOException | NumberFormatException ended) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException | RuntimeException unknown) {
            return Map.of();
        }
        return threads;
    }

    /** {@code tid (comm) state ppid … utime stime …}; the name may hold spaces and parentheses. */
    static Optional<Task> parse(String stat) {
        Optional<String> name = name(stat);
        String[] fields = fieldsAfterName(stat);
        if (name.isEmpty() || fields.length < 13) {
            return Optional.empty();
        }
        // after the name: state (field 3 of proc(5)), …, utime (14), stime (15)
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Optional.of(new Task(kind(name.get()), ticks));
    }

    /** The name (second field) of a {@code /proc/…/stat} line, between the first '(' and the last ')'. */
    static Optional<String> name(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        return open < 0 || close < open ? Optional.empty() : Optional.of(stat.substring(open + 1, close));
    }

    /** The fields after the name, from the state (field 3 of proc(5)) on; none when the line has no name. */
    static String[] fieldsAfterName(String stat) {
        int close = stat.lastIndexOf(')');
        return close < 0 ? new String[0] : stat.substring(close + 1).trim().split("\\s+");
    }

    /** Milliseconds in {@code ticks} of CPU time: the kernel counts in USER_HZ, 100 ticks per second on Linux. */
    static long millis(long ticks) {
        return ticks * 10;
    }

    /** The task with the context switches its {@code status} file counts (none if the file lacks them). */
    static Task withSwitches(Task task, String status) {
        long waits = 0;
        long preempted = 0;
        for (String line : status.split("\n")) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                waits = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                preempted = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return new Task(task.kind(), task.ticks(), waits, preempted);
    }

    /** Context switches per message between two samples; null when a sample is missing or there were no messages. */
    static Switches switchesPerMessage(Map<Long, Task> before, Map<Long, Task> after, long messages) {
        if (before.isEmpty() || after.isEmpty() || messages <= 0) {
            return null;
        }
        Map<String, Double> byKind = new LinkedHashMap<>();
        KINDS.forEach(k -> byKind.put(k.key(), 0.0));
        long waits = 0;
        long preempted = 0;
        for (Map.Entry<Long, Task> now : after.entrySet()) {
            Task earlier = before.get(now.getKey());
            long w = now.getValue().waits() - (earlier == null ? 0 : earlier.waits());
            waits += w;
            preempted += now.getValue().preempted() - (earlier == null ? 0 : earlier.preempted());
            byKind.merge(now.getValue().kind(), w / (double) messages, Double::sum);
        }
        return new Switches(waits / (double) messages, byKind, preempted / (double) messages);
    }

    /**
     * CPU ms per message by kind between two samples. A thread that started in between counts whole, one that
     * ended is lost to its kind: what the process spent beyond the threads seen ({@code processCpuMillis}, from
     * the OS) goes to {@link #OTHER}. Empty when a sample is missing or there were no messages.
     */
    static Map<String, Double> perMessage(Map<Long, Task> before, Map<Long, Task> after, long processCpuMillis,
                                          long messages) {
        if (before.isEmpty() || after.isEmpty() || messages <= 0) {
            return Map.of();
        }
        Map<String, Long> millis = millisByKind(before, after);
        long seen = millis.values().stream().mapToLong(Long::longValue).sum();
        millis.merge(OTHER, Math.max(0, processCpuMillis - seen), Long::sum);
        Map<String, Double> per = new LinkedHashMap<>();
        millis.forEach((kind, ms) -> per.put(kind, ms / (double) messages));
        return per;
    }

    /**
     * CPU ms by kind (every kind, in {@link #KINDS} order) the threads of {@code after} used since {@code before}: a
     * thread that started in between counts whole, one that ended is not counted.
     */
    static Map<String, Long> millisByKind(Map<Long, Task> before, Map<Long, Task> after) {
        Map<String, Long> millis = new LinkedHashMap<>();
        KINDS.forEach(k -> millis.put(k.key(), 0L));
        for (Map.Entry<Long, Task> now : after.entrySet()) {
            Task earlier = before.get(now.getKey());
            long ticks = now.getValue().ticks() - (earlier == null ? 0 : earlier.ticks());
            millis.merge(now.getValue().kind(), millis(ticks), Long::sum);
        }
        return millis;
    }
}
