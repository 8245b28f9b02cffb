package io.switchboard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every phase against one hub started on one database, in order. */
final class HubRun {

    /**
     * The figures of one database.
     *
     * @param startupMillis    start-up to healthy on the embedded defaults: no connector but the web chat (as an
     *                         admin's first start), on the run's database
     * @param rssIdleMiB       resident memory of that hub, idle
     * @param startupPageFaults that hub's minor page faults until healthy (first touches of memory; -1 if unknown)
     * @param startupConnectorsMillis start-up of the hub the phases then run against, with the connectors of every
     *                         channel the run drives on (pointing at the bench's fakes)
     * @param warmup           the uncounted load before the sustained phase, and the JIT compilers' CPU at its end
     * @param referenceBefore  the bus alone, measured just before the sustained phase (the hub started, idle)
     * @param referenceAfter   the same, just after it, once the hub is idle again
     * @param ratioToReference what agents saw per second over the mean of those two: the machine's speed
     *                         changes within minutes here, so the reference is taken next to what it is compared with
     * @param ratioToRunReference the same over the reference measured at the start of the run
     * @param machineSpeed     the {@link CpuProbe} just before the sustained phase (the hub idle); null if it failed
     */
    record Result(String database, long startupMillis, double rssIdleMiB, long startupPageFaults,
                  long startupConnectorsMillis,
                  WarmUp.Result warmup, InboundPhases.Throughput inbound, ReferenceBroker.Result referenceBefore,
                  ReferenceBroker.Result referenceAfter, double ratioToReference, double ratioToRunReference,
                  InboundPhases.FixedRate latencyAtRate,
                  InboundPhases.FixedRate latencyNearSaturation, OutboundPhase.Result outbound,
                  WebFloor.Result webFloor, ConnectionsPhase.Result connections, List<ChannelPhases.Result> channels,
                  String loadAverageAfter, CpuProbe machineSpeed) {
    }

    private HubRun() {
    }

    static Result run(BenchOptions options, Database database, Providers providers, double referencePerSecond)
            throws Exception {
        String tag = database.name().toLowerCase(java.util.Locale.ROOT);
        Path results = options.out().toAbsolutePath().getParent();
        Path jfr = options.jfr() ? results.resolve("hub-" + tag + ".jfr") : null;
        Idle defaults = idleOnDefaults(options, database);
        log("%s: starting the hub with the run's connectors (java -Xmx%s -jar %s)", database.name(), options.heap(),
                options.hubJar());
        HubProcess hub = HubProcess.start(options, database, providers.hubProperties(), jfr);
        try {
            log("%s: healthy after %d ms", database.name(), hub.startupMillis());
            try (Traffic traffic = new Traffic(hub, options.chatVisitors())) {
                providers.channels.forEach(c -> c.attach(hub, traffic.http));
                return phases(options, database, hub, traffic, providers, referencePerSecond, defaults);
            }
        } finally {
            hub.discard(results.resolve("hub-" + tag + ".log"));
        }
    }

    private record Idle(long startupMillis, double rssMiB, long pageFaults) {
    }

    /**
     * The hub as an admin first starts it: embedded defaults (no connector but the web chat) on the run's database,
     * a fresh data folder; start-up to healthy and, once start-up work has settled, its resident memory.
     */
    private static Idle idleOnDefaults(BenchOptions options, Database database) throws Exception {
        log("%s: starting the hub on its defaults (web chat, no other connector)", database.name());
        HubProcess hub = HubProcess.start(options, database, java.util.Map.of(), null);
        try {
            log("%s: healthy after %d ms on its defaults (%,d page faults)", database.name(), hub.startupMillis(),
                    hub.startupPageFaults());
            Thread.sleep(3000); // let start-up work (JIT, pools) settle before the idle footprint is read
            return new Idle(hub.startupMillis(), hub.rssMiB(), hub.startupPageFaults());
        } finally {
            hub.discard(null);
        }
    }

    private static Result phases(BenchOptions options, Database database, HubProcess hub, Traffic traffic,
                                 Providers providers, double referencePerSecond, Idle defaults) throws Exception {
        String db = database.name();
        InboundPhases.seed(traffic, options.customers());
        WarmUp.Result warmup = WarmUp.run(traffic, options, db);
        CpuProbe speed = machineSpeed(db + ": the machine's speed before the sustained phase");
        ReferenceBroker.Result before = referenceNextTo(options, db, "before");
        log("%s: sustained inbound for %ds", db, options.duration().toSeconds());
        InboundPhases.Throughput inbound = InboundPhases.sustained(traffic, options.duration(),
                options.webhookWorkers(), options.customers());
        log("%s: %.0f msg/s visible, %s; the hub idle %.1f s after the backlog drained (%.0f msg/s counting that);"
                        + " accepted %.0f msg/s (%s)", db, inbound.visiblePerSecond(), inbound.latency(),
                inbound.settleMillis() / 1000.0, inbound.untilIdlePerSecond(), inbound.acceptedPerSecond(),
                inbound.acceptedPerSecondByKind().entrySet().stream()
                        .map(e -> String.format(java.util.Locale.ROOT, "%s %.0f", e.getKey(), e.getValue()))
                        .collect(java.util.stream.Collectors.joining(", ")));
        ReferenceBroker.Result after = referenceNextTo(options, db, "after");
        double adjacent = (before.messagesPerSecond() + after.messagesPerSecond()) / 2;
        log("%s: %.0f %% of the bus alone next to it (%.0f msg/s)", db, 100 * inbound.visiblePerSecond() / adjacent,
                adjacent);
        quietSpell(hub, db, options.idleBeforeRate());
        InboundPhases.FixedRate atRate = fixedRate(traffic, options, options.rate(), database, hub);
        InboundPhases.FixedRate nearSaturation = fixedRate(traffic, options, inbound.nearSaturation(), database, hub);
        AgentRest agent = new AgentRest(hub);
        List<Long> sms = traffic.conversationsOn("SMS");
        settle(hub, db);
        log("%s: agent replies for %ds", db, options.latencyDuration().toSeconds());
        OutboundPhase.Result outbound = OutboundPhase.run(agent, providers.twilio::onMessage, "SMS", sms,
                options.latencyDuration(), options.replyWorkers());
        log("%s: %.0f replies/s, %s", db, outbound.repliesPerSecond(), outbound.latency());
        List<ChannelPhases.Result> channels = ChannelPhases.run(options, db, traffic, agent, providers.channels);
        log("%s: web stack floor, GET %s for %ds", db, WebFloor.PATH, options.latencyDuration().toSeconds());
        WebFloor.Result floor = WebFloor.measure(hub, options.webhookWorkers(),
                InboundPhases.warmupFor(options.latencyDuration()), options.latencyDuration());
        log("%s: %.0f requests/s, %.2f ms of hub CPU each", db, floor.requestsPerSecond(),
                floor.hubCpuMillisPerRequest());
        log("%s: %d visitor sessions", db, options.connections());
        ConnectionsPhase.Result connections = ConnectionsPhase.run(hub, traffic, agent, options.connections());
        log("%s: %d connected, %d replies delivered, %.1f KiB heap each", db, connections.connected(),
                connections.delivered(), connections.heapPerConnectionKiB());
        return new Result(db, defaults.startupMillis(), defaults.rssMiB(), defaults.pageFaults(), hub.startupMillis(),
                warmup, inbound, before, after,
                inbound.visiblePerSecond() / adjacent, inbound.visiblePerSecond() / referencePerSecond,
                atRate, nearSaturation, outbound, floor, connections, channels, Machine.load(), speed);
    }

    /** The {@link CpuProbe}, logged with {@code what}. */
    static CpuProbe machineSpeed(String what) {
        CpuProbe speed = CpuProbe.inOwnJvm();
        if (speed != null) {
            log("%s: %.1f ms per round of the CPU probe (fixed work on one thread), %.1f µs per hand-off between two"
                    + " threads, %.1f µs per loopback round trip, %.1f µs per first touch of a page of memory (lower is"
                    + " faster)", what, speed.millisPerRound(), speed.handoffMicros(), speed.loopbackMicros(),
                    speed.pageTouchMicros());
        }
        return speed;
    }

    /**
     * The reference again, next to the sustained phase, with the hub idle: the warm-up and the sustained phase end
     * once it is ({@link InboundPhases#sustained}), so it takes no CPU from the broker measured.
     */
    private static ReferenceBroker.Result referenceNextTo(BenchOptions options, String db, String when)
            throws Exception {
        ReferenceBroker.Result reference = ReferenceBroker.measure(options);
        log("%s: the bus alone %s the sustained phase: %.0f msg/s", db, when, reference.messagesPerSecond());
        return reference;
    }

    private static InboundPhases.FixedRate fixedRate(Traffic traffic, BenchOptions options, int rate,
                                                     Database database, HubProcess hub) throws Exception {
        settle(hub, database.name());
        log("%s: %d msg/s for %ds", database.name(), rate, options.latencyDuration().toSeconds());
        InboundPhases.FixedRate result = InboundPhases.fixedRate(traffic, rate, options.latencyDuration(),
                options.customers());
        log("%s: held %.0f msg/s, %s (acknowledged: %s); load generator behind schedule: %s; collector pauses:"
                + " hub %s, load generator %s; H2: %s; disks: %s", database.name(), result.sentPerSecond(),
                result.latency(), result.acknowledged(), result.behindSchedule(), result.hubGc(),
                result.loadGeneratorGc(), result.h2Writes(), result.disk());
        int worst = result.worstSecond();
        if (worst >= 0) {
            List<Latencies.Summary> acknowledged = result.acknowledgedBySecond();
            log("%s: the worst second was second %d of the phase: %s (acknowledged in that second: %s)",
                    database.name(), worst, result.latencyBySecond().get(worst),
                    worst < acknowledged.size() ? acknowledged.get(worst) : Latencies.Summary.EMPTY);
        }
        return result;
    }

    /** With {@code --idle-before-rate}: waits until the hub is idle, then leaves it idle that much longer. */
    private static void quietSpell(HubProcess hub, String db, Duration idle) throws InterruptedException {
        if (idle.isZero()) {
            return;
        }
        settle(hub, db);
        log("%s: the hub idle for %ds before the next phase (--idle-before-rate)", db, idle.toSeconds());
        Thread.sleep(idle.toMillis()); // a quiet spell by request, not waiting for an event
    }

    /**
     * Before a measured phase: the phase before may have left the hub work (event relay, routing, file writes, the
     * JIT compiling what it ran), which would count into this phase's figures. Waits until the hub is idle, at most
     * 30 s.
     */
    static void settle(HubProcess hub, String label) throws InterruptedException {
        settle(hub, label, Duration.ofSeconds(30));
    }

    /** Waits until the hub is idle, at most {@code limit}; returns how long that took, in ms. */
    static long settle(HubProcess hub, String label, Duration limit) throws InterruptedException {
        long begin = System.nanoTime();
        if (!hub.awaitIdle(limit)) {
            log("%s: the hub was still busy %d s after the phase before", label, limit.toSeconds());
        }
        return (System.nanoTime() - begin) / 1_000_000;
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
