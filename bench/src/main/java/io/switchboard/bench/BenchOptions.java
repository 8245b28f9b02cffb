package io.switchboard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to run and how hard, from the command line ({@code --name value}); every count and duration is
 * bounded, so a run always ends.
 *
 * @param duration       how long the sustained inbound throughput phase runs (the target says at least 60 s)
 * @param latencyDuration how long each fixed-rate latency phase runs
 * @param rate           the fixed rate of the first latency phase, messages per second
 * @param databases      "h2", "postgres" or both, in order; "none" measures only the reference
 * @param postgresUrl    JDBC URL of PostgreSQL (a fresh schema is created per run); null skips PostgreSQL
 * @param webhookWorkers concurrent webhook senders (closed loop) in the throughput phase
 * @param chatVisitors   visitor WebSockets sending frames (closed loop) in the throughput phase
 * @param customers      distinct phone numbers the webhooks come from
 * @param replyWorkers   concurrent agents posting replies in the outbound phase
 * @param connections    concurrent visitor sessions in the connections phase
 * @param hubJar         the hub's executable jar: by default the build's fast-start layout, as ./switchboard runs it;
 *                       a class data sharing archive {@code switchboard.jsa} next to it is used like ./switchboard does
 * @param heap           the hub's -Xmx
 * @param out            where the JSON results go
 * @param jfr            record a JFR profile of the hub (written next to the JSON)
 * @param hubProperties  extra {@code name=value} settings for the hub (e.g. to compare a tuning)
 * @param hubJvmArgs     extra JVM options for the hub, before {@code -jar} (e.g. a class data sharing archive)
 * @param startups       with {@code --startup N}: only start the hub N times per database and report start-up
 *                       (wall and CPU time to healthy); 0 runs the whole bench
 * @param channels       the other channels measured one by one after SMS and web chat (messenger, instagram,
 *                       whatsapp, telegram, email), each with its connector switched on in the hub; empty for none
 * @param channelDuration each channel's sustained, fixed-rate and reply phases run this long
 * @param channelRate    each channel's fixed rate, messages per second
 * @param channelWorkers concurrent senders (closed loop) of each channel's sustained phase
 * @param channelCustomers distinct customers of each channel
 * @param idleBeforeRate how long the hub is left idle before the first fixed-rate phase ({@code --rate}), once it is
 *                       idle: what a burst after a quiet spell meets (0: the phase starts as soon as the hub is idle)
 * @param warmup         the uncounted load before the sustained phase: until the JIT compilers are quiet, or fixed
 */
record BenchOptions(Duration duration, Duration latencyDuration, int rate, List<String> databases, String postgresUrl,
                    int webhookWorkers, int chatVisitors, int customers, int replyWorkers, int connections,
                    Path hubJar, String heap, Path out, boolean jfr, List<String> hubProperties,
                    List<String> hubJvmArgs, int startups, List<String> channels, Duration channelDuration,
                    int channelRate, int channelWorkers, int channelCustomers, Duration idleBeforeRate,
                    Warmup warmup) {

    /**
     * The load before the sustained phase that is not counted ({@link WarmUp}).
     *
     * @param fixed this long, or null for {@code auto}: until the JIT compilers are quiet
     * @param max   with {@code auto}, the longest it runs when they are not
     */
    record Warmup(Duration fixed, Duration max) {

        static final Duration DEFAULT_MAX = Duration.ofMinutes(5);

        boolean auto() {
            return fixed == null;
        }

        /** As {@code --warmup} takes it: {@code auto}, or the fixed length ({@code 7s}, {@code 500ms}). */
        String describe() {
            if (auto()) {
                return "auto";
            }
            return fixed.toMillis() % 1000 == 0 ? fixed.toSeconds() + "s" : fixed.toMillis() + "ms";
        }
    }

    /** Every channel the bench can drive besides SMS and web chat, in the order it measures them. */
    static final List<String> ALL_CHANNELS = List.of("messenger", "instagram", "whatsapp", "telegram", "email");

    /** What {@code --help} prints: every option with its default; docs/performance.md says more. */
    static final String USAGE = """
            java -jar bench/target/switchboard-bench.jar [options]   (docs/performance.md says what each phase measures)

              --duration 60s            the sustained inbound phase (500ms, 90s, 2m)
              --latency-duration 30s    each fixed-rate phase and the outbound phase (at most --duration)
              --rate 500                the fixed rate of the first latency phase, messages per second
              --db h2,postgres          which databases, in order; none measures only the reference broker
              --postgres-url URL        PostgreSQL JDBC URL (default: $SWITCHBOARD_BENCH_POSTGRES_URL or
                                        $SWITCHBOARD_TEST_POSTGRES_URL; without one PostgreSQL is skipped)
              --webhook-workers 24      concurrent webhook senders in the sustained phase
              --chat-visitors 24        visitor WebSockets sending in the sustained phase
              --customers 1000          distinct phone numbers the webhooks come from
              --reply-workers 16        replies outstanding at once in the outbound phase
              --connections 10000       visitor sessions held at once
              --heap 1g                 the hub's -Xmx
              --hub-jar PATH            the hub to measure (default unified-inbox/target/app/switchboard-exec.jar)
              --startup N               only start the hub N times per database and report start-up
              --hub-prop name=value     an extra hub setting, repeatable
              --hub-jvm-arg ARG         an extra JVM option for the hub, repeatable
              --jfr                     record a JFR profile of the hub next to the JSON
              --out PATH                the JSON results (default bench/target/bench-results.json)
              --channels LIST           messenger,instagram,whatsapp,telegram,email (default all), or none
              --channel-duration 20s    each channel's sustained, fixed-rate and reply phases
              --channel-rate 100        each channel's fixed rate, messages per second
              --channel-workers 8       concurrent senders of each channel's sustained phase
              --channel-customers 200   distinct customers of each channel
              --idle-before-rate 0s     leave the hub idle this long before the --rate phase (a burst after quiet)
              --warmup auto             uncounted load before the sustained phase: auto runs it until the JIT
                                        compilers are quiet (a warm hub); or a fixed length (10s)
              --warmup-max 5m           the longest an auto warm-up runs
            """;

    static final String POSTGRES_ENV = "SWITCHBOARD_BENCH_POSTGRES_URL";
    static final String POSTGRES_TEST_ENV = "SWITCHBOARD_TEST_POSTGRES_URL";

    static BenchOptions parse(String... args) {
        Duration duration = Duration.ofSeconds(60);
        Duration latency = null;
        int rate = 500;
        List<String> databases = new ArrayList<>(List.of("h2", "postgres"));
        String pg = firstSet(System.getenv(POSTGRES_ENV), System.getenv(POSTGRES_TEST_ENV));
        int webhookWorkers = 24;
        int chatVisitors = 24;
        int customers = 1000;
        int replyWorkers = 16;
        int connections = 10_000;
        Path jar = Path.of("unified-inbox/target/app/switchboard-exec.jar");
        String heap = "1g";
        Path out = Path.of("bench/target/bench-results.json");
        boolean jfr = false;
        List<String> hubProperties = new ArrayList<>();
        List<String> hubJvmArgs = new ArrayList<>();
        int startups = 0;
        List<String> channels = ALL_CHANNELS;
        Duration channelDuration = Duration.ofSeconds(20);
        int channelRate = 100;
        int channelWorkers = 8;
        int channelCustomers = 200;
        Duration idleBeforeRate = Duration.ZERO;
        Duration warmup = null;
        Duration warmupMax = Warmup.DEFAULT_MAX;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--jfr")) {
                jfr = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value; --help lists the options");
            }
            String value = args[++i];
            switch (name) {
                case "--duration" -> duration = duration(value);
                case "--latency-duration" -> latency = duration(value);
                case "--rate" -> rate = positive(name, value);
                case "--db" -> databases = value.equalsIgnoreCase("none") ? List.of()
                        : List.of(value.toLowerCase(Locale.ROOT).split(","));
                case "--postgres-url" -> pg = value;
                case "--webhook-workers" -> webhookWorkers = positive(name, value);
                case "--chat-visitors" -> chatVisitors = positive(name, value);
                case "--customers" -> customers = positive(name, value);
                case "--reply-workers" -> replyWorkers = positive(name, value);
                case "--connections" -> connections = positive(name, value);
                case "--hub-jar" -> jar = Path.of(value);
                case "--heap" -> heap = value;
                case "--out" -> out = Path.of(value);
                case "--hub-prop" -> hubProperties.add(value);
                case "--hub-jvm-arg" -> hubJvmArgs.add(value);
                case "--startup" -> startups = positive(name, value);
                case "--channels" -> channels = value.equalsIgnoreCase("none") ? List.of()
                        : List.of(value.toLowerCase(Locale.ROOT).split(","));
                case "--channel-duration" -> channelDuration = duration(value);
                case "--channel-rate" -> channelRate = positive(name, value);
                case "--channel-workers" -> channelWorkers = positive(name, value);
                case "--channel-customers" -> channelCustomers = positive(name, value);
                case "--idle-before-rate" -> idleBeforeRate = duration(value);
                case "--warmup" -> warmup = value.strip().equalsIgnoreCase("auto") ? null : duration(value);
                case "--warmup-max" -> warmupMax = duration(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "; --help lists the options");
            }
        }
        for (String db : databases) {
            if (!db.equals("h2") && !db.equals("postgres")) {
                throw new IllegalArgumentException("--db takes h2, postgres or h2,postgres, not " + db);
            }
        }
        for (String channel : channels) {
            if (!ALL_CHANNELS.contains(channel)) {
                throw new IllegalArgumentException("--channels takes a comma-separated list of "
                        + String.join(", ", ALL_CHANNELS) + " (or none), not " + channel);
            }
        }
        Duration latencyPhase = latency != null ? latency : duration.compareTo(Duration.ofSeconds(30)) < 0
                ? duration : Duration.ofSeconds(30);
        return new BenchOptions(duration, latencyPhase, rate, databases, pg, webhookWorkers, chatVisitors, customers,
                replyWorkers, connections, jar, heap, out, jfr, List.copyOf(hubProperties), List.copyOf(hubJvmArgs),
                startups, channels, channelDuration, channelRate, channelWorkers, channelCustomers, idleBeforeRate,
                new Warmup(warmup, warmupMax));
    }

    /** The reference broker runs a third of the throughput phase, between 3 and 20 seconds. */
    Duration referenceDuration() {
        long seconds = Math.max(3, Math.min(20, duration.toSeconds() / 3));
        return Duration.ofSeconds(seconds);
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return nonNegative(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))), text);
            }
            if (t.endsWith("m")) {
                return nonNegative(Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1))), text);
            }
            Duration d = Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
            return nonNegative(d, text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (write e.g. 60s, 500ms or 2m)", e);
        }
    }

    private static Duration nonNegative(Duration d, String text) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a duration cannot be negative: " + text);
        }
        return d;
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " takes a positive whole number, not " + value);
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
