package io.switchboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The results of a run: a Markdown table on the console, everything as JSON. */
record Report(String startedAt, Machine machine, CpuProbe machineSpeed, Map<String, Object> settings,
              ReferenceBroker.Result reference, List<HubRun.Result> runs) {

    void writeJson(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }

    String table() {
        List<String[]> rows = new ArrayList<>();
        row(rows, "reference: bus alone, persistent send+receive (msg/s), at the start of the run", "—",
                r -> fmt(reference.messagesPerSecond()));
        row(rows, "  and just before / after this database's sustained phase", "—",
                r -> fmt(r.referenceBefore().messagesPerSecond()) + " / " + fmt(r.referenceAfter().messagesPerSecond()));
        row(rows, "machine speed: CPU probe, ms per round of fixed one-thread work; µs per hand-off between two threads;"
                + " µs per loopback round trip; µs per first touch of a page of memory (lower is faster), at the start"
                + " of the run / before this database's"
                + " sustained phase", "", r -> probe(machineSpeed) + " / " + probe(r.machineSpeed()));
        row(rows, "warm-up before it, not counted (s; JIT compilers' share of a core over its last 10 s)", "",
                r -> warmup(r.warmup()));
        row(rows, "inbound sustained, visible to agent (msg/s)", "≥ 2,000", r -> fmt(r.inbound().visiblePerSecond()));
        row(rows, "inbound accepted (msg/s)", "", r -> fmt(r.inbound().acceptedPerSecond()));
        row(rows, "  of which SMS webhooks / chat frames (closed loop: the kind answered sooner sends more)", "",
                r -> fmt(r.inbound().acceptedPerSecondByKind().getOrDefault(InboundPhases.WEBHOOK, 0.0)) + " / "
                        + fmt(r.inbound().acceptedPerSecondByKind().getOrDefault(InboundPhases.CHAT, 0.0)));
        row(rows, "hub CPU per inbound message (ms, all threads, until idle after the phase)", "",
                r -> String.format(java.util.Locale.ROOT, "%.2f", r.inbound().hubCpuMillisPerMessage()));
        for (ThreadCpu.Kind kind : ThreadCpu.KINDS) {
            row(rows, "  of which " + kind.label(), "", r -> {
                Double ms = r.inbound().hubCpuMillisPerMessageByThread().get(kind.key());
                return ms == null ? "–" : String.format(java.util.Locale.ROOT, "%.2f", ms);
            });
        }
        row(rows, "hub threads' waits per inbound message (voluntary context switches, a thread asleep until another"
                + " woke it): all; web; inbox; broker", "", r -> waits(r.inbound().hubContextSwitchesPerMessage()));
        row(rows, "  taken off a core (involuntary context switches per inbound message)", "",
                r -> r.inbound().hubContextSwitchesPerMessage() == null ? "–" : String.format(java.util.Locale.ROOT,
                        "%.1f", r.inbound().hubContextSwitchesPerMessage().preempted()));
        row(rows, "machine CPU per inbound message (ms, all processes: hub, local database, load generator)", "",
                r -> String.format(java.util.Locale.ROOT, "%.2f", r.inbound().machineCpuMillisPerMessage()));
        row(rows, "PostgreSQL server on this machine, per inbound message: CPU (ms); its processes' wake-ups (each a"
                + " statement sent on its own: a round trip)", "", r -> serverPerMessage(r.inbound()));
        row(rows, "hub disk writes per inbound message (KiB)", "",
                r -> String.format(java.util.Locale.ROOT, "%.1f", r.inbound().hubWrittenKiBPerMessage()));
        row(rows, "inbound incl. the backlog and the work left behind, until the hub is idle (msg/s; drain, then idle after, s)",
                "", r -> fmt(r.inbound().untilIdlePerSecond()) + String.format(java.util.Locale.ROOT, " (%.1f; %.1f s)",
                        r.inbound().drainMillis() / 1000.0, r.inbound().settleMillis() / 1000.0));
        row(rows, "inbound / reference next to it (mean of before and after)", "≥ 50 %",
                r -> String.format("%.0f %%", 100 * r.ratioToReference()));
        row(rows, "inbound / reference at the start of the run", "", r -> String.format("%.0f %%",
                100 * r.ratioToRunReference()));
        row(rows, "web stack floor: GET " + WebFloor.PATH + ", a page from memory, no bus or database (req/s)", "",
                r -> fmt(r.webFloor().requestsPerSecond()));
        row(rows, "  hub CPU per request (ms, all threads)", "",
                r -> String.format(java.util.Locale.ROOT, "%.2f", r.webFloor().hubCpuMillisPerRequest()));
        row(rows, "inbound under saturation: latency p50/p99/max (ms)", "", r -> latency(r.inbound().latency()));
        fixedRateRows(rows, "latency at fixed rate (msg/s held)", "500", "≤ 20 / – / ≤ 100 / –",
                HubRun.Result::latencyAtRate);
        fixedRateRows(rows, "latency near saturation (msg/s held)", "85 % of sustained", "",
                HubRun.Result::latencyNearSaturation);
        row(rows, "outbound replies to fake Twilio (msg/s)", "", r -> fmt(r.outbound().repliesPerSecond()));
        row(rows, "  POST → provider p50/p99/max (ms)", "", r -> latency(r.outbound().latency()));
        row(rows, "visitor sessions held / replies delivered", "10,000 / all",
                r -> r.connections().openAtEnd() + " / " + r.connections().delivered() + " of " + r.connections().target());
        row(rows, "heap per visitor session (KiB, -Xmx" + settings.get("heap") + ")", "",
                r -> String.format("%.1f", r.connections().heapPerConnectionKiB()));
        row(rows, "start-up to healthy, embedded defaults (ms)", "≤ 10,000", r -> fmt(r.startupMillis()));
        row(rows, "resident memory idle, embedded defaults (MiB)", "", r -> fmt(r.rssIdleMiB()));
        row(rows, "  first touches of memory until healthy (minor page faults)", "",
                r -> r.startupPageFaults() < 0 ? "–" : fmt(r.startupPageFaults()));
        row(rows, "start-up to healthy, the run's connectors on (ms)", "", r -> fmt(r.startupConnectorsMillis()));
        StringBuilder out = new StringBuilder();
        out.append(table(rows));
        String channels = channelTable();
        if (!channels.isEmpty()) {
            out.append('\n').append(channels);
        }
        return out.toString();
    }

    private String table(List<String[]> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| measure | target |");
        runs.forEach(r -> out.append(' ').append(r.database()).append(" |"));
        out.append("\n|---|---|");
        runs.forEach(r -> out.append("---|"));
        out.append('\n');
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    /**
     * One row per database and channel of the other channels' phases: sustained inbound, latency at the
     * channel rate, replies through to the provider.
     */
    String channelTable() {
        StringBuilder out = new StringBuilder();
        for (HubRun.Result run : runs) {
            for (ChannelPhases.Result c : run.channels()) {
                if (out.isEmpty()) {
                    out.append("| database | channel | inbound visible / accepted (msg/s) | hub CPU per msg (ms) ")
                            .append("| fixed rate (≤ ").append(settings.get("channelRate"))
                            .append(" msg/s): held; p50 / p99 / max (ms) ")
                            .append("| lost | replies (msg/s) | reply → provider p50 / p99 (ms) |\n")
                            .append("|---|---|---|---|---|---|---|---|\n");
                }
                Latencies.Summary reply = c.outbound().latency();
                out.append("| ").append(run.database()).append(" | ").append(c.channel())
                        .append(" | ").append(fmt(c.inbound().visiblePerSecond())).append(" / ")
                        .append(fmt(c.inbound().acceptedPerSecond()))
                        .append(" | ").append(String.format(java.util.Locale.ROOT, "%.2f", c.inbound().hubCpuMillisPerMessage()))
                        .append(" | ").append(fmt(c.latencyAtRate().sentPerSecond())).append("; ")
                        .append(latency(c.latencyAtRate().latency()))
                        .append(" | ").append(c.latencyAtRate().lost() + c.inbound().accepted() - c.inbound().visible())
                        .append(" | ").append(fmt(c.outbound().repliesPerSecond()))
                        .append(" | ").append(reply.count() == 0 ? "n/a" : String.format("%.1f / %.1f", reply.p50(), reply.p99()))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    /** The rows of one fixed-rate phase: the rate held, its latency and what it is made of. */
    private void fixedRateRows(List<String[]> rows, String title, String rateTarget, String latencyTarget,
                               Function<HubRun.Result, InboundPhases.FixedRate> phase) {
        row(rows, title, rateTarget, r -> fmt(phase.apply(r).sentPerSecond()));
        row(rows, "  p50 / p95 / p99 / max (ms)", latencyTarget, r -> latencyFull(phase.apply(r).latency()));
        row(rows, "  of which until the hub acknowledged (on the bus)", "",
                r -> latencyFull(phase.apply(r).acknowledged()));
        row(rows, "  load generator behind schedule when sending", "",
                r -> latencyFull(phase.apply(r).behindSchedule()));
        row(rows, "  collector pauses in the phase: hub; load generator (count, total ms)", "",
                r -> phase.apply(r).hubGc() + "; " + phase.apply(r).loadGeneratorGc());
        row(rows, "  H2 commits per file write (group commit)", "",
                r -> commitsPerFileWrite(phase.apply(r).h2Writes()));
        row(rows, "  machine's disks: mean ms per write; per flush", "", r -> diskTimes(phase.apply(r).disk()));
    }

    private void row(List<String[]> rows, String measure, String target, Function<HubRun.Result, String> value) {
        String[] row = new String[2 + runs.size()];
        row[0] = measure;
        row[1] = target;
        for (int i = 0; i < runs.size(); i++) {
            row[2 + i] = value.apply(runs.get(i));
        }
        rows.add(row);
    }

    private static String latency(Latencies.Summary s) {
        return s.count() == 0 ? "n/a" : String.format("%.1f / %.1f / %.1f", s.p50(), s.p99(), s.max());
    }

    private static String latencyFull(Latencies.Summary s) {
        return s.count() == 0 ? "n/a" : String.format("%.1f / %.1f / %.1f / %.1f", s.p50(), s.p95(), s.p99(), s.max());
    }

    private static String commitsPerFileWrite(H2Writes writes) {
        return writes.fileWrites() == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f", writes.commitsPerFileWrite());
    }

    private static String diskTimes(DiskWrites disk) {
        return disk.writes() == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.2f; %s", disk.meanWriteMillis(),
                disk.flushes() == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.2f", disk.meanFlushMillis()));
    }

    private static String warmup(WarmUp.Result w) {
        String share = w.jitCoreShare() < 0 ? "JIT unknown" : String.format(java.util.Locale.ROOT, "%.0f %%",
                100 * w.jitCoreShare());
        String how = w.auto() ? (w.quiet() ? "" : ", cap reached") : ", fixed";
        return String.format(java.util.Locale.ROOT, "%.0f s (%s%s)", w.seconds(), share, how);
    }

    private static String fmt(double v) {
        return String.format("%,.0f", v);
    }

    private static String waits(ThreadCpu.Switches switches) {
        if (switches == null) {
            return "–";
        }
        return String.format(java.util.Locale.ROOT, "%.1f; %.1f; %.1f; %.1f", switches.waits(),
                switches.waitsByKind().get("web"), switches.waitsByKind().get("inbox"),
                switches.waitsByKind().get("broker"));
    }

    private static String serverPerMessage(InboundPhases.Throughput inbound) {
        DatabaseServer.PerMessage server = inbound.databaseServerPerMessage();
        return server == null ? "–" : String.format(java.util.Locale.ROOT, "%.2f; %.1f", server.cpuMillis(),
                server.wakeUps());
    }

    private static String probe(CpuProbe speed) {
        return speed == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f; %.1f; %.1f; %.1f",
                speed.millisPerRound(), speed.handoffMicros(), speed.loopbackMicros(), speed.pageTouchMicros());
    }
}
