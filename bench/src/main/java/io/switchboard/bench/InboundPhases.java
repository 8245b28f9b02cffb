package io.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** The inbound measurements: sustained throughput (closed loop) and latency at a fixed rate (open loop). */
final class InboundPhases {

    /**
     * A sustained phase: messages accepted and seen by the agent per second during the window, and
     * ({@code untilIdlePerSecond}) every accepted message seen by the agent over the window, the drain of what agents
     * had not seen yet, and the time the hub then still worked (event relay, routing, file writes) until it was
     * idle ({@code settleMillis}): what the hub sustains when the work a message leaves behind is counted too. The
     * CPU and disk figures per message cover the same span. {@code acceptedPerSecondByKind}: the accepted rate of each
     * kind of sender ({@link #WEBHOOK}, {@link #CHAT}, or the channel's name): closed loop, the kind answered sooner
     * sends more, so the mix is the load's, not a fixed one. {@code databaseServerPerMessage}: a PostgreSQL server on
     * this machine, its CPU and its processes' wake-ups (round trips) per message over the same span; null without one.
     */
    record Throughput(double acceptedPerSecond, double visiblePerSecond, double untilIdlePerSecond, long accepted,
                      long visible, long failed, long drainMillis, long settleMillis, double seconds,
                      Latencies.Summary latency,
                      double hubCpuMillisPerMessage, double machineCpuMillisPerMessage,
                      double hubWrittenKiBPerMessage, Map<String, Double> hubCpuMillisPerMessageByThread,
                      ThreadCpu.Switches hubContextSwitchesPerMessage,
                      Map<String, Double> acceptedPerSecondByKind,
                      DatabaseServer.PerMessage databaseServerPerMessage) {

        /** 85 % of what agents saw per second (at least 1): a rate the hub sustains, so latency is not a growing queue. */
        int nearSaturation() {
            return Math.max(1, (int) (visiblePerSecond * 0.85));
        }
    }

    /** The load before a measured phase that is not counted (the code it runs gets compiled): a quarter, 2–10 s. */
    static Duration warmupFor(Duration measured) {
        return Duration.ofSeconds(Math.max(2, Math.min(10, measured.toSeconds() / 4)));
    }

    /**
     * A fixed-rate phase: the rate asked for, the rate held, and what the agent saw. {@code acknowledged}
     * is the part until the hub answered (the message on the bus); the rest of {@code latency} is storing
     * it and pushing it to the agent. {@code latencyBySecond} and {@code acknowledgedBySecond}: the same, second by
     * second, by the second the agent saw (the hub acknowledged) each message. {@code behindSchedule}: how late the
     * load generator handed each message to its client, from its scheduled moment (its own share of the latency).
     * {@code hubGc} and {@code loadGeneratorGc}: the collector pauses of each JVM from the phase's first send until
     * its last message was seen; {@code h2Writes}: the hub's H2 commits and file writes meanwhile (none on PostgreSQL);
     * {@code disk}: what the machine's disks wrote and flushed meanwhile, and how long each took on average.
     */
    record FixedRate(int targetPerSecond, double sentPerSecond, long sent, long failed, long lost,
                     Latencies.Summary latency, Latencies.Summary acknowledged, List<Latencies.Summary> latencyBySecond,
                     List<Latencies.Summary> acknowledgedBySecond, Latencies.Summary behindSchedule,
                     GcPauses hubGc, GcPauses loadGeneratorGc, H2Writes h2Writes, DiskWrites disk) {

        /** The second of the phase (from 0) whose p99 was the highest, or -1 when nothing was seen. */
        int worstSecond() {
            int worst = -1;
            for (int i = 0; i < latencyBySecond.size(); i++) {
                Latencies.Summary s = latencyBySecond.get(i);
                if (s.count() > 0 && (worst < 0 || s.p99() > latencyBySecond.get(worst).p99())) {
                    worst = i;
                }
            }
            return worst;
        }
    }

    private InboundPhases() {
    }

    /** One webhook from every customer and a frame from every visitor: contacts and conversations exist. */
    static void seed(Traffic traffic, int customers) throws Exception {
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            inFlight.acquire();
            sent.add(traffic.webhookAsync(Webhooks.customer(c), System.nanoTime()).whenComplete((ok, e) -> inFlight.release()));
        }
        for (ChatVisitor visitor : traffic.visitors) {
            sent.add(traffic.chat(visitor, System.nanoTime()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        traffic.drain(Duration.ofSeconds(60));
    }

    /** The sustained phase's kinds of sender: Twilio SMS webhooks and web-chat visitors. */
    static final String WEBHOOK = "webhook";
    static final String CHAT = "chat";

    /** A closed-loop sender of one kind: sends its next message as soon as the last one was answered, while alive. */
    record Worker(String kind, BooleanSupplier alive, Callable<Boolean> sendOne) {
    }

    /**
     * Every webhook worker and every visitor sends its next message as soon as the last one was
     * acknowledged, for {@code duration}; then the backlog drains.
     */
    static Throughput sustained(Traffic traffic, Duration duration, int webhookWorkers, int customers) throws Exception {
        return sustained(traffic, duration, webhookWorkers, customers, () -> false);
    }

    /** The same, ended early (then drained) once {@code enough} says so: the warm-up's own end ({@link WarmUp}). */
    static Throughput sustained(Traffic traffic, Duration duration, int webhookWorkers, int customers,
                                BooleanSupplier enough) throws Exception {
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < webhookWorkers; w++) {
            workers.add(new Worker(WEBHOOK, () -> true, () -> traffic.webhook(
                    Webhooks.customer(ThreadLocalRandom.current().nextInt(customers)), System.nanoTime())));
        }
        for (ChatVisitor visitor : traffic.visitors) {
            workers.add(new Worker(CHAT, visitor::isOpen,
                    () -> traffic.chat(visitor, System.nanoTime()).get(60, TimeUnit.SECONDS)));
        }
        return sustained(traffic, duration, workers, enough);
    }

    /**
     * {@code workers} senders of one channel's customer messages, closed loop, for {@code duration}; with the
     * channel's {@link ChannelDriver#window() window}, each waits while that many are outstanding.
     */
    static Throughput sustained(Traffic traffic, ChannelDriver channel, Duration duration, int workers, int customers)
            throws Exception {
        List<Worker> senders = new ArrayList<>();
        int window = channel.window();
        for (int w = 0; w < workers; w++) {
            senders.add(new Worker(channel.channel(), () -> true, () -> {
                while (window > 0 && traffic.pendingCount() >= window) {
                    LockSupport.parkNanos(1_000_000); // polling our own counter: the agent's feed empties it
                }
                return traffic.send(channel, ThreadLocalRandom.current().nextInt(customers), System.nanoTime())
                        .get(60, TimeUnit.SECONDS);
            }));
        }
        return sustained(traffic, duration, senders, () -> false);
    }

    private static Throughput sustained(Traffic traffic, Duration duration, List<Worker> senders,
                                        BooleanSupplier enough) throws Exception {
        Latencies latencies = traffic.measure().visible();
        long visibleBefore = traffic.visible.get();
        long failedBefore = traffic.failed.get();
        AtomicLong accepted = new AtomicLong();
        Map<String, AtomicLong> acceptedByKind = new TreeMap<>();
        senders.forEach(sender -> acceptedByKind.putIfAbsent(sender.kind(), new AtomicLong()));
        long cpuBefore = traffic.hub.cpuMillis();
        Map<Long, ThreadCpu.Task> threadsBefore = traffic.hub.threads();
        long machineBefore = Machine.busyMillis();
        long writtenBefore = traffic.hub.writtenBytes();
        // a PostgreSQL server on this machine (none is asked for on H2, though one may run here)
        boolean server = traffic.hub.database().jdbcUrl() != null;
        Map<Long, ThreadCpu.Task> serverBefore = server ? DatabaseServer.sample() : Map.of();
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(senders.size(), Traffic.daemon("bench-load"));
        for (Worker sender : senders) {
            workers.submit(() -> {
                while (System.nanoTime() < end && !enough.getAsBoolean() && sender.alive().getAsBoolean()) {
                    if (sender.sendOne().call()) {
                        accepted.incrementAndGet();
                        acceptedByKind.get(sender.kind()).incrementAndGet();
                    }
                }
                return null;
            });
        }
        workers.shutdown();
        workers.awaitTermination(duration.toSeconds() + 90, TimeUnit.SECONDS);
        long visibleInWindow = traffic.visible.get() - visibleBefore;
        double seconds = (System.nanoTime() - begin) / 1e9;
        long drain = traffic.drain(Duration.ofSeconds(120));
        long visible = traffic.visible.get() - visibleBefore;
        // the work the messages left behind (event relay, routing, file writes) is theirs too, and is not left
        // to count into the next phase
        long settle = HubRun.settle(traffic.hub, "sustained phase", Duration.ofSeconds(60));
        // what the hub's process spent (accepting, storing, pushing, and the work left behind) per message: a
        // figure that holds even when other work shares the machine
        long cpu = traffic.hub.cpuMillis() - cpuBefore;
        Map<Long, ThreadCpu.Task> threadsAfter = traffic.hub.threads();
        Map<String, Double> byThread = ThreadCpu.perMessage(threadsBefore, threadsAfter, cpu, visible);
        ThreadCpu.Switches switches = ThreadCpu.switchesPerMessage(threadsBefore, threadsAfter, visible);
        double cpuPerMessage = visible == 0 ? Double.NaN : cpu / (double) visible;
        // and what the whole machine spent: the hub plus a local database server (PostgreSQL's work is
        // outside the hub's process) and the load generator
        long machineAfter = Machine.busyMillis();
        double machinePerMessage = visible == 0 || machineBefore < 0 || machineAfter < 0 ? Double.NaN
                : (machineAfter - machineBefore) / (double) visible;
        // and what it wrote to disk per message (journal and database): the disk is what the bus alone is bound by
        long writtenAfter = traffic.hub.writtenBytes();
        DatabaseServer.PerMessage serverPerMessage = DatabaseServer.perMessage(serverBefore,
                server ? DatabaseServer.sample() : Map.of(), visible).orElse(null);
        double kibPerMessage = visible == 0 || writtenBefore < 0 || writtenAfter < 0 ? Double.NaN
                : (writtenAfter - writtenBefore) / 1024.0 / visible;
        return new Throughput(accepted.get() / seconds, visibleInWindow / seconds,
                visible / (seconds + (drain + settle) / 1000.0), accepted.get(), visible,
                traffic.failed.get() - failedBefore, drain, settle, seconds, latencies.summary(),
                cpuPerMessage, machinePerMessage, kibPerMessage, byThread, switches, perSecond(acceptedByKind, seconds),
                serverPerMessage);
    }

    private static Map<String, Double> perSecond(Map<String, AtomicLong> counts, double seconds) {
        Map<String, Double> rates = new TreeMap<>();
        counts.forEach((kind, n) -> rates.put(kind, n.get() / seconds));
        return rates;
    }

    /**
     * Messages scheduled at exactly {@code rate} per second, alternating webhook and chat frame, each
     * sent without waiting for the one before (at most 512 outstanding). Latency counts from the
     * scheduled moment, so a hub that falls behind cannot hide it.
     */
    static FixedRate fixedRate(Traffic traffic, int rate, Duration duration, int customers) throws Exception {
        List<ChatVisitor> visitors = traffic.visitors;
        return fixedRate(traffic, rate, duration, (i, scheduled) -> i % 2 == 0 || visitors.isEmpty()
                ? traffic.webhookAsync(Webhooks.customer((int) (i % customers)), scheduled)
                : traffic.chat(visitors.get((int) (i / 2 % visitors.size())), scheduled));
    }

    /** One channel's customer messages at exactly {@code rate} per second, customers in turn. */
    static FixedRate fixedRate(Traffic traffic, ChannelDriver channel, int rate, Duration duration, int customers)
            throws Exception {
        return fixedRate(traffic, rate, duration, (i, scheduled) -> traffic.send(channel, (int) (i % customers), scheduled));
    }

    private interface ScheduledSend {
        CompletableFuture<Boolean> send(long index, long scheduledNanos);
    }

    private static FixedRate fixedRate(Traffic traffic, int rate, Duration duration, ScheduledSend send) throws Exception {
        Traffic.Measured latencies = traffic.measure();
        long failedBefore = traffic.failed.get();
        long periodNanos = 1_000_000_000L / rate;
        long total = rate * duration.toSeconds();
        Semaphore inFlight = new Semaphore(512);
        Latencies behind = new Latencies();
        String hubBefore = traffic.hub.prometheus();
        GcPauses ownBefore = GcPauses.ofThisJvm();
        DiskWrites diskBefore = DiskWrites.now();
        long begin = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long scheduled = begin + i * periodNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            behind.record(Math.max(0, System.nanoTime() - scheduled));
            send.send(i, scheduled).whenComplete((ok, e) -> inFlight.release());
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        inFlight.acquire(512);
        inFlight.release(512);
        traffic.drain(Duration.ofSeconds(60));
        DiskWrites disk = DiskWrites.now().since(diskBefore);
        GcPauses own = GcPauses.ofThisJvm().since(ownBefore);
        String hubAfter = traffic.hub.prometheus();
        GcPauses hub = GcPauses.fromPrometheus(hubAfter).since(GcPauses.fromPrometheus(hubBefore));
        H2Writes h2 = H2Writes.fromPrometheus(hubAfter).since(H2Writes.fromPrometheus(hubBefore));
        long failed = traffic.failed.get() - failedBefore;
        Latencies.Summary summary = latencies.visible().summary();
        return new FixedRate(rate, total / seconds, total, failed, total - failed - summary.count(), summary,
                latencies.acknowledged().summary(), latencies.visible().perSecond(begin),
                latencies.acknowledged().perSecond(begin), behind.summary(), hub, own, h2, disk);
    }
}
