package io.switchboard.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The load before the sustained phase that is not counted. The JVM compiles the code a message runs once it runs
 * hot, and on two cores its compilers take minutes of full load to finish, using a fifth of a core or more
 * meanwhile (docs/performance.md, seventeenth round): a phase measured before that measures the JIT too. With
 * {@code --warmup auto} the load goes on until the hub's compiler threads used under {@link #QUIET_SHARE} of a core
 * over the last {@link #WINDOW} — at least {@link InboundPhases#warmupFor the short warm-up} of a fixed run, at most
 * {@code --warmup-max} —; a fixed {@code --warmup} runs that long.
 */
final class WarmUp {

    /** Compiler threads using less than this share of one core over {@link #WINDOW} count as quiet. */
    static final double QUIET_SHARE = 0.05;
    static final Duration WINDOW = Duration.ofSeconds(10);

    /**
     * How the warm-up went.
     *
     * @param seconds       how long the load ran
     * @param auto          whether it ran until the compilers were quiet ({@code --warmup auto})
     * @param quiet         whether they were at its end: under {@link #QUIET_SHARE} (false when unknown: no {@code /proc})
     * @param jitCoreShare  the compiler threads' share of one core over its last {@link #WINDOW} (all of it, when
     *                      shorter); -1 when unknown
     */
    record Result(double seconds, boolean auto, boolean quiet, double jitCoreShare) {
    }

    private WarmUp() {
    }

    static Result run(Traffic traffic, BenchOptions options, String db) throws Exception {
        BenchOptions.Warmup warmup = options.warmup();
        Duration least = warmup.auto() ? InboundPhases.warmupFor(options.duration()) : warmup.fixed();
        Duration most = warmup.auto() ? max(least, warmup.max()) : warmup.fixed();
        if (warmup.auto()) {
            HubRun.log("%s: warming up until the JIT compilers are quiet (under %.0f %% of a core over %d s), %d s to %d s",
                    db, QUIET_SHARE * 100, WINDOW.toSeconds(), least.toSeconds(), most.toSeconds());
        } else {
            HubRun.log("%s: warming up for %s", db, warmup.describe());
        }
        Watch watch = new Watch(least, most, warmup.auto(), System.nanoTime());
        HubProcess hub = traffic.hub;
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(Traffic.daemon("bench-jit"));
        sampler.scheduleAtFixedRate(() -> watch.sample(System.nanoTime(), hub.threads()), 0, 1, TimeUnit.SECONDS);
        InboundPhases.Throughput load;
        try {
            load = InboundPhases.sustained(traffic, most, options.webhookWorkers(), options.customers(),
                    watch::enough);
        } finally {
            sampler.shutdownNow();
        }
        double share = watch.share();
        boolean quiet = share >= 0 && share < QUIET_SHARE;
        Result result = new Result(load.seconds(), warmup.auto(), quiet, share);
        if (share < 0) {
            HubRun.log("%s: warmed up for %.0f s (the JIT's CPU is unknown here: no /proc)", db, result.seconds());
        } else {
            HubRun.log("%s: warmed up for %.0f s; the JIT compilers used %.0f %% of a core over its last %d s%s", db,
                    result.seconds(), share * 100, Math.min(WINDOW.toSeconds(), Math.round(result.seconds())),
                    warmup.auto() && !quiet ? " (not yet quiet: --warmup-max reached)" : "");
        }
        return result;
    }

    /** The compiler threads' CPU between two samples of the hub's threads, in ms; a thread that ended is not counted. */
    static long jitMillis(Map<Long, ThreadCpu.Task> before, Map<Long, ThreadCpu.Task> after) {
        return ThreadCpu.millisByKind(before, after).get("jit");
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * The hub's threads, sampled once a second, and the last {@link #WINDOW} of them, until the load ends (with
     * {@code auto}, once the compilers are quiet; else, or at the latest, once it ran {@code most}): what the JIT used
     * while the load ran, not while it drains after.
     */
    static final class Watch {

        private record Sample(long nanos, Map<Long, ThreadCpu.Task> threads) {
        }

        private final Duration least;
        private final Duration most;
        private final boolean auto;
        private final long began;
        private final Deque<Sample> samples = new ArrayDeque<>();
        private volatile double share = -1;
        private volatile boolean enough;

        Watch(Duration least, Duration most, boolean auto, long began) {
            this.least = least;
            this.most = most;
            this.auto = auto;
            this.began = began;
        }

        /** The hub's threads as read at {@code now} (System.nanoTime); empty when they cannot be read (no /proc). */
        void sample(long now, Map<Long, ThreadCpu.Task> threads) {
            if (enough || now - began > most.toNanos()) {
                return; // the load has ended: keep what it was while it ran
            }
            boolean leastRan = now - began >= least.toNanos();
            if (threads.isEmpty()) {
                enough = auto && leastRan; // nothing to judge by: the short warm-up
                return;
            }
            samples.addLast(new Sample(now, threads));
            long keep = WINDOW.toNanos() + TimeUnit.MILLISECONDS.toNanos(500);
            while (now - samples.peekFirst().nanos() > keep) {
                samples.removeFirst(); // never the newest, taken just now
            }
            Sample first = samples.peekFirst();
            long span = now - first.nanos();
            if (span <= 0) {
                return;
            }
            share = jitMillis(first.threads(), threads) / (span / 1e6);
            boolean wholeWindow = span >= WINDOW.toNanos() - TimeUnit.MILLISECONDS.toNanos(500);
            enough = auto && wholeWindow && leastRan && share < QUIET_SHARE;
        }

        /** With {@code auto}: the compilers were quiet over a whole window, and the least warm-up has run. */
        boolean enough() {
            return enough;
        }

        /** The compiler threads' share of one core over the last window read (all of it, when shorter); -1 unknown. */
        double share() {
            return share;
        }
    }
}
