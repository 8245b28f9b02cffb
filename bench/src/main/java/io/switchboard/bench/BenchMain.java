package io.switchboard.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the benchmark (docs/performance.md): the bus's reference limit, then every phase against a
 * hub started as its own JVM, on H2 and on PostgreSQL; prints a table and writes JSON.
 */
public final class BenchMain {

    static {
        // the reference broker's INFO lines (and its per-message audit log) would bury the table
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(ReferenceBroker.CHILD)) {
            ReferenceBroker.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals(CpuProbe.CHILD)) {
            CpuProbe.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchOptions.USAGE);
            System.exit(0);
            return;
        }
        keepConnectionsShorterThanTheHub();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Optional<String> missing = options.databases().isEmpty() ? Optional.empty() : HubProcess.missingHubJar(options);
        if (missing.isPresent()) { // said before the reference broker's run, not after it
            System.err.println(missing.get());
            System.exit(2);
            return;
        }
        if (options.startups() > 0) {
            StartupRuns.run(options);
            System.exit(0);
            return;
        }
        Report report = run(options);
        System.out.println();
        System.out.println(report.table());
        report.writeJson(options.out());
        System.out.println("Results written to " + options.out().toAbsolutePath());
        System.exit(0);
    }

    static Report run(BenchOptions options) throws Exception {
        keepConnectionsShorterThanTheHub();
        keepEnoughConnections(options.webhookWorkers());
        String started = Instant.now().toString();
        Machine machine = Machine.now();
        HubRun.log("machine: %d cores, %d MiB, %s, load %s", machine.cores(), machine.memoryMiB(), machine.cpuModel(),
                machine.loadAverage());
        CpuProbe speed = HubRun.machineSpeed("machine speed");
        int producers = options.webhookWorkers() + options.chatVisitors();
        HubRun.log("reference: Artemis alone, %d producers, %d consumers, %ds", producers, producers,
                options.referenceDuration().toSeconds());
        ReferenceBroker.Result reference = ReferenceBroker.measure(options);
        HubRun.log("reference: %.0f msg/s (%d-byte messages)", reference.messagesPerSecond(), reference.messageBytes());
        List<HubRun.Result> runs = new ArrayList<>();
        try (Providers providers = Providers.start(options.channels())) {
            for (String db : options.databases()) {
                Database database = database(db, options);
                if (database != null) {
                    runs.add(HubRun.run(options, database, providers, reference.messagesPerSecond()));
                }
            }
        }
        return new Report(started, machine, speed, settings(options), reference, runs);
    }

    private static Database database(String name, BenchOptions options) {
        if (name.equals("h2")) {
            return Database.h2();
        }
        if (options.postgresUrl() == null) {
            HubRun.log("PostgreSQL skipped: set %s (or %s) to a JDBC URL", BenchOptions.POSTGRES_ENV,
                    BenchOptions.POSTGRES_TEST_ENV);
            return null;
        }
        return Database.postgres(options.postgresUrl());
    }

    private static Map<String, Object> settings(BenchOptions o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("durationSeconds", o.duration().toSeconds());
        s.put("latencyPhaseSeconds", o.latencyDuration().toSeconds());
        s.put("rate", o.rate());
        s.put("webhookWorkers", o.webhookWorkers());
        s.put("chatVisitors", o.chatVisitors());
        s.put("customers", o.customers());
        s.put("replyWorkers", o.replyWorkers());
        s.put("connections", o.connections());
        s.put("heap", o.heap());
        s.put("hubProperties", o.hubProperties());
        s.put("hubJvmArgs", o.hubJvmArgs());
        s.put("channels", o.channels());
        s.put("channelSeconds", o.channelDuration().toSeconds());
        s.put("channelRate", o.channelRate());
        s.put("channelWorkers", o.channelWorkers());
        s.put("channelCustomers", o.channelCustomers());
        s.put("idleBeforeRateSeconds", o.idleBeforeRate().toSeconds());
        s.put("warmup", o.warmup().describe());
        s.put("warmupMaxSeconds", o.warmup().max().toSeconds());
        return s;
    }

    /**
     * java.net.http keeps an idle connection for 20 minutes by default; Tomcat closes one after 60 s. A webhook
     * sent on a connection the hub is closing fails without an answer (and a POST is not retried), so the
     * bench drops idle connections well before the hub does. A -D on the bench's command line wins.
     */
    /**
     * {@link java.net.HttpURLConnection} (the {@link WebFloor}'s clients) keeps 5 idle connections per host by
     * default; with more workers most requests would open a new one. Read once, when it is first used.
     */
    static void keepEnoughConnections(int workers) {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(Math.max(workers, 5)));
        }
    }

    static void keepConnectionsShorterThanTheHub() {
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", "15");
        }
    }
}
