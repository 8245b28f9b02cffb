package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreadCpuTest {

    /** A line of /proc/<pid>/task/<tid>/stat with the given name and user/system ticks. */
    private static String stat(long tid, String comm, long user, long system) {
        return tid + " (" + comm + ") S 1 1 1 0 -1 4194368 100 0 0 0 " + user + " " + system
                + " 0 0 20 0 40 0 1234 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 -1 1 0 0 0 0 0\n";
    }

    @Test
    void aThreadNameWithSpacesAndParenthesesIsReadWhole() {
        ThreadCpu.Task camel = ThreadCpu.parse(stat(42, "Camel (camel-1)", 7, 3)).orElseThrow();
        ThreadCpu.Task broker = ThreadCpu.parse(stat(43, "Thread-3 (Activ", 5, 1)).orElseThrow();

        assertThat(camel).isEqualTo(new ThreadCpu.Task("camel", 10));
        assertThat(broker).isEqualTo(new ThreadCpu.Task("broker", 6));
        assertThat(ThreadCpu.parse("garbage")).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "http-nio-127.0. | web", "inbox-consumer- | inbox", "Thread-3 (org.a | broker",
            "Thread-123 (Act | broker", "activemq-buffer | broker", "H2-serializatio | database",
            "MVStore backgro | database", "Camel (camel-1) | camel", "event-outbox-re | events",
            "routing-sweep | events", "C2 CompilerThre | jit", "G1 Refine#0 | gc", "GC Thread#1 | gc",
            "Thread-7 | other", "java | other"})
    void theHubsThreadsAreSortedByWhatTheyDo(String comm, String kind) {
        assertThat(ThreadCpu.kind(comm)).isEqualTo(kind);
    }

    /** The lines of /proc/<pid>/task/<tid>/status around the context switches. */
    private static String status(long voluntary, long involuntary) {
        return "Name:\thttp-nio-127.0.\nState:\tS (sleeping)\nThreads:\t1\nCpus_allowed_list:\t0-1\n"
                + "voluntary_ctxt_switches:\t" + voluntary + "\nnonvoluntary_ctxt_switches:\t" + involuntary + "\n";
    }

    @Test
    void aProcessesTasksAreReadFromItsTaskFolder(@TempDir Path tasks) throws Exception {
        for (String[] t : new String[][] {{"101", "http-nio-127.0."}, {"102", "inbox-consumer-"}}) {
            Files.createDirectories(tasks.resolve(t[0]));
            Files.writeString(tasks.resolve(t[0]).resolve("stat"), stat(Long.parseLong(t[0]), t[1], 20, 5));
            Files.writeString(tasks.resolve(t[0]).resolve("status"), status(Long.parseLong(t[0]) * 10, 3));
        }
        Files.createDirectories(tasks.resolve("103")); // ended while listed: no stat file

        assertThat(ThreadCpu.read(tasks)).containsOnly(
                Map.entry(101L, new ThreadCpu.Task("web", 25, 1010, 3)),
                Map.entry(102L, new ThreadCpu.Task("inbox", 25, 1020, 3)));
        assertThat(ThreadCpu.read(tasks.resolve("missing"))).isEmpty();
    }

    @Test
    void perMessageCountsWhatEachKindSpentBetweenTheSamplesAndPutsTheRestUnderOther() {
        Map<Long, ThreadCpu.Task> before = Map.of(
                1L, new ThreadCpu.Task("web", 100),
                2L, new ThreadCpu.Task("inbox", 50),
                3L, new ThreadCpu.Task("inbox", 40)); // ends before the second sample
        Map<Long, ThreadCpu.Task> after = Map.of(
                1L, new ThreadCpu.Task("web", 300),      // +200 ticks = 2,000 ms
                2L, new ThreadCpu.Task("inbox", 150),    // +100 ticks = 1,000 ms
                4L, new ThreadCpu.Task("jit", 30));      // new: 300 ms
        // the process spent 4,000 ms: 700 ms more than the threads still there (the one that ended, say)
        Map<String, Double> per = ThreadCpu.perMessage(before, after, 4_000, 1_000);

        assertThat(per.keySet()).containsExactlyElementsOf(ThreadCpu.KINDS.stream().map(ThreadCpu.Kind::key).toList());
        assertThat(per.get("web")).isCloseTo(2.0, within(1e-9));
        assertThat(per.get("inbox")).isCloseTo(1.0, within(1e-9));
        assertThat(per.get("jit")).isCloseTo(0.3, within(1e-9));
        assertThat(per.get(ThreadCpu.OTHER)).isCloseTo(0.7, within(1e-9));
        assertThat(per.get("broker")).isZero();
        assertThat(per.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void contextSwitchesPerMessageCountWhatEachThreadDidBetweenTheSamples() {
        Map<Long, ThreadCpu.Task> before = Map.of(
                1L, new ThreadCpu.Task("web", 0, 1_000, 10),
                2L, new ThreadCpu.Task("broker", 0, 5_000, 0),
                3L, new ThreadCpu.Task("broker", 0, 700, 0)); // ends before the second sample
        Map<Long, ThreadCpu.Task> after = Map.of(
                1L, new ThreadCpu.Task("web", 0, 3_000, 110),   // +2,000 waits, +100 taken off
                2L, new ThreadCpu.Task("broker", 0, 9_000, 0),  // +4,000
                4L, new ThreadCpu.Task("broker", 0, 2_000, 0)); // new: 2,000

        ThreadCpu.Switches per = ThreadCpu.switchesPerMessage(before, after, 1_000);

        assertThat(per.waits()).isCloseTo(8.0, within(1e-9));
        assertThat(per.waitsByKind().keySet()).containsExactlyElementsOf(
                ThreadCpu.KINDS.stream().map(ThreadCpu.Kind::key).toList());
        assertThat(per.waitsByKind().get("web")).isCloseTo(2.0, within(1e-9));
        assertThat(per.waitsByKind().get("broker")).isCloseTo(6.0, within(1e-9));
        assertThat(per.waitsByKind().get("inbox")).isZero();
        assertThat(per.preempted()).isCloseTo(0.1, within(1e-9));
        assertThat(ThreadCpu.switchesPerMessage(Map.of(), after, 1_000)).isNull();
        assertThat(ThreadCpu.switchesPerMessage(before, after, 0)).isNull();
    }

    @Test
    void aStatusWithoutContextSwitchesCountsNone() {
        ThreadCpu.Task task = new ThreadCpu.Task("web", 5);
        assertThat(ThreadCpu.withSwitches(task, "Name:\tjava\n")).isEqualTo(task);
        assertThat(ThreadCpu.withSwitches(task, status(7, 2))).isEqualTo(new ThreadCpu.Task("web", 5, 7, 2));
    }

    @Test
    void withoutASampleOrMessagesThereIsNoSplit() {
        Map<Long, ThreadCpu.Task> some = Map.of(1L, new ThreadCpu.Task("web", 1));
        assertThat(ThreadCpu.perMessage(Map.of(), some, 10, 5)).isEmpty();
        assertThat(ThreadCpu.perMessage(some, some, 10, 0)).isEmpty();
    }
}
