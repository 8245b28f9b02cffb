package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A few seconds of every phase, every channel included, against the real hub jar (H2), so the harness cannot rot: it must
 * produce a table and JSON with sane numbers. Speed targets are not asserted here — the real run
 * (docs/performance.md) is too slow for CI.
 */
class BenchSmokeIT {

    @Test
    void everyPhaseProducesSaneFigures() throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "target/bench-smoke.json"));
        BenchOptions options = BenchOptions.parse("--db", "h2", "--duration", "3s", "--latency-duration", "2s",
                "--rate", "50", "--customers", "20", "--webhook-workers", "2", "--chat-visitors", "2",
                "--reply-workers", "2", "--connections", "20",
                "--channel-duration", "2s", "--channel-rate", "20", "--channel-workers", "2", "--channel-customers", "5",
                "--idle-before-rate", "1s", "--warmup-max", "4s",
                "--hub-jar", System.getProperty("bench.hub-jar", "../unified-inbox/target/app/switchboard-exec.jar"),
                "--out", out.toString());

        Report report = BenchMain.run(options);
        report.writeJson(out);

        assertThat(report.reference().messagesPerSecond()).isPositive();
        assertThat(report.runs()).hasSize(1);
        HubRun.Result h2 = report.runs().get(0);
        assertThat(h2.startupMillis()).isPositive();
        assertThat(h2.rssIdleMiB()).isPositive();
        assertThat(h2.startupPageFaults()).as("first touches of memory until healthy").isGreaterThan(1_000);
        assertThat(h2.startupConnectorsMillis()).isPositive();
        // the warm-up ran until the JIT was quiet or, as in so short a run, until its cap; the JIT's CPU was read
        assertThat(h2.warmup().auto()).isTrue();
        assertThat(h2.warmup().seconds()).isBetween(2.0, 6.0);
        if (java.nio.file.Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(h2.warmup().jitCoreShare()).isNotNegative();
        }
        assertThat(h2.inbound().visible()).isPositive().isEqualTo(h2.inbound().accepted());
        assertThat(h2.inbound().failed()).isZero();
        // both kinds of sender sent, and their rates make up the accepted rate
        assertThat(h2.inbound().acceptedPerSecondByKind()).containsOnlyKeys(InboundPhases.WEBHOOK, InboundPhases.CHAT)
                .allSatisfy((kind, rate) -> assertThat(rate).as(kind).isPositive());
        assertThat(h2.inbound().acceptedPerSecondByKind().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(h2.inbound().acceptedPerSecond(), org.assertj.core.data.Percentage.withPercentage(0.1));
        // the bus alone, measured again on either side of the sustained phase, is what its ratio is taken against
        assertThat(h2.referenceBefore().messagesPerSecond()).isPositive();
        assertThat(h2.referenceAfter().messagesPerSecond()).isPositive();
        assertThat(h2.ratioToReference()).isCloseTo(h2.inbound().visiblePerSecond()
                / ((h2.referenceBefore().messagesPerSecond() + h2.referenceAfter().messagesPerSecond()) / 2),
                org.assertj.core.data.Percentage.withPercentage(0.1));
        // the whole machine spends at least what the hub's process does
        assertThat(h2.inbound().machineCpuMillisPerMessage()).isPositive()
                .isGreaterThanOrEqualTo(h2.inbound().hubCpuMillisPerMessage() * 0.9);
        // the split by thread covers the hub's CPU: the web threads took the webhooks, the consumers stored them
        java.util.Map<String, Double> byThread = h2.inbound().hubCpuMillisPerMessageByThread();
        assertThat(byThread).containsKeys("web", "inbox", "broker", "other");
        assertThat(byThread.get("web")).isPositive();
        assertThat(byThread.get("inbox")).isPositive();
        assertThat(byThread.values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(h2.inbound().hubCpuMillisPerMessage(), org.assertj.core.data.Percentage.withPercentage(10));
        // every message is handed from thread to thread (web → broker → inbox consumer → agent's push)
        ThreadCpu.Switches switches = h2.inbound().hubContextSwitchesPerMessage();
        assertThat(switches).isNotNull();
        assertThat(switches.waits()).isGreaterThan(1.0);
        assertThat(switches.waitsByKind().get("broker")).isPositive();
        assertThat(switches.waitsByKind().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(switches.waits(), org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(switches.preempted()).isNotNegative();
        assertThat(h2.webFloor().requests()).isPositive();
        assertThat(h2.webFloor().failed()).isZero();
        assertThat(h2.webFloor().hubCpuMillisPerRequest()).isPositive();
        assertThat(h2.latencyAtRate().latency().count()).isEqualTo((int) h2.latencyAtRate().sent());
        assertThat(h2.latencyAtRate().latency().p50()).isPositive();
        assertThat(h2.latencyAtRate().latency().max()).isGreaterThanOrEqualTo(h2.latencyAtRate().latency().p99());
        // the same latencies second by second: together they are all of them, and the worst second holds the max
        assertThat(h2.latencyAtRate().latencyBySecond().stream().mapToInt(Latencies.Summary::count).sum())
                .isEqualTo(h2.latencyAtRate().latency().count());
        assertThat(h2.latencyAtRate().latencyBySecond().stream().filter(second -> second.count() > 0)
                .mapToDouble(Latencies.Summary::max).max())
                .hasValue(h2.latencyAtRate().latency().max());
        // every message was acknowledged by the hub, and its acknowledgement is part of the way to the agent
        assertThat(h2.latencyAtRate().acknowledged().count()).isEqualTo((int) h2.latencyAtRate().sent());
        assertThat(h2.latencyAtRate().acknowledged().p50()).isPositive()
                .isLessThanOrEqualTo(h2.latencyAtRate().latency().max());
        assertThat(h2.latencyAtRate().acknowledgedBySecond().stream().mapToInt(Latencies.Summary::count).sum())
                .isEqualTo(h2.latencyAtRate().acknowledged().count());
        // the load generator's own lateness is measured for every message and is part of its latency
        assertThat(h2.latencyAtRate().behindSchedule().count()).isEqualTo((int) h2.latencyAtRate().sent());
        assertThat(h2.latencyAtRate().behindSchedule().max()).isLessThanOrEqualTo(h2.latencyAtRate().latency().max());
        // on H2 every stored message was a commit made durable by a file write, shared or not
        assertThat(h2.latencyAtRate().h2Writes().fileWrites()).isPositive();
        assertThat(h2.latencyAtRate().h2Writes().commits()).isGreaterThanOrEqualTo(h2.latencyAtRate().h2Writes().fileWrites());
        // and those file writes reached the machine's disk (where Linux says what its disks did)
        if (!DiskWrites.now().equals(DiskWrites.NONE)) {
            assertThat(h2.latencyAtRate().disk().writes()).isPositive();
            assertThat(h2.latencyAtRate().disk().writeMillis()).isNotNegative();
        }
        assertThat(h2.outbound().delivered()).isPositive().isEqualTo(h2.outbound().posted());
        assertThat(h2.connections().connected()).isEqualTo(20);
        assertThat(h2.connections().acked()).isEqualTo(20);
        assertThat(h2.connections().delivered()).isEqualTo(20);
        assertThat(h2.connections().heapHeldMiB()).isPositive();

        // every other channel through its provider's wire format: each message accepted reached the agent,
        // each reply reached the provider's fake
        assertThat(h2.channels()).extracting(ChannelPhases.Result::channel)
                .containsExactly("MESSENGER", "INSTAGRAM", "WHATSAPP", "TELEGRAM", "EMAIL");
        for (ChannelPhases.Result channel : h2.channels()) {
            assertThat(channel.inbound().visible()).as(channel.channel()).isPositive()
                    .isEqualTo(channel.inbound().accepted());
            assertThat(channel.inbound().failed()).as(channel.channel()).isZero();
            assertThat(channel.inbound().acceptedPerSecondByKind()).as(channel.channel())
                    .containsOnlyKeys(channel.channel());
            assertThat(channel.latencyAtRate().latency().count()).as(channel.channel())
                    .isEqualTo((int) channel.latencyAtRate().sent());
            assertThat(channel.outbound().delivered()).as(channel.channel()).isPositive()
                    .isEqualTo(channel.outbound().posted());
        }

        assertThat(report.table()).contains("| measure | target | H2 |", "inbound sustained", "start-up to healthy",
                "machine speed: CPU probe",
                "warm-up before it",
                "inbound / reference next to it", "until the hub is idle",
                "| H2 | TELEGRAM |");
        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        assertThat(json.path("runs").get(0).path("inbound").path("visiblePerSecond").asDouble()).isPositive();
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        assertThat(json.path("runs").get(0).path("inbound").path("hubContextSwitchesPerMessage").path("waits").asDouble())
                .isPositive();
        // how fast the machine was, at the start and next to the sustained phase
        assertThat(json.path("machineSpeed").path("millisPerRound").asDouble()).isPositive();
        assertThat(json.path("machineSpeed").path("handoffMicros").asDouble()).isPositive();
        assertThat(json.path("machineSpeed").path("loopbackMicros").asDouble()).isPositive();
        assertThat(json.path("machineSpeed").path("pageTouchMicros").asDouble()).isPositive();
        assertThat(json.path("runs").get(0).path("machineSpeed").path("checksum").asLong())
                .isEqualTo(json.path("machineSpeed").path("checksum").asLong());
        assertThat(json.path("settings").path("idleBeforeRateSeconds").asInt()).isEqualTo(1);
        assertThat(json.path("settings").path("warmup").asText()).isEqualTo("auto");
        assertThat(json.path("settings").path("warmupMaxSeconds").asInt()).isEqualTo(4);
        assertThat(json.path("runs").get(0).path("warmup").path("seconds").asDouble()).isPositive();
        assertThat(json.path("runs").get(0).path("referenceAfter").path("messagesPerSecond").asDouble()).isPositive();
        // both JVMs' collector pauses are counted over each fixed-rate phase (read from the hub's Prometheus scrape)
        assertThat(json.path("runs").get(0).path("latencyAtRate").path("hubGc").has("millis")).isTrue();
        assertThat(json.path("runs").get(0).path("latencyAtRate").path("loadGeneratorGc").has("count")).isTrue();
        assertThat(report.table()).contains("collector pauses in the phase", "load generator behind schedule",
                "H2 commits per file write", "machine's disks: mean ms per write");
        assertThat(json.path("runs").get(0).path("channels").get(4).path("channel").asText()).isEqualTo("EMAIL");
    }
}
