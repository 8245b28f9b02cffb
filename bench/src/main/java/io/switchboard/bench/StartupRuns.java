package io.switchboard.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code --startup N}: starts the hub N times in each of the two ways the full bench does (same command, JVM
 * options and properties): on its embedded defaults (no connector but the web chat), then with the connectors of
 * the run's channels on; each time on a fresh data directory (and a fresh PostgreSQL schema). It prints the wall
 * time from process start to {@code /actuator/health} UP and the CPU time the hub had used by then. No load, no
 * reference broker: a start-up figure in well under a minute per start.
 */
final class StartupRuns {

    static final String DEFAULTS = "defaults";
    static final String CONNECTORS = "connectors";

    /**
     * @param hub        {@link #DEFAULTS} or {@link #CONNECTORS}
     * @param pageFaults minor page faults until healthy: first touches of memory ({@link HubProcess#startupPageFaults})
     */
    record Start(String database, String hub, int run, long wallMillis, long cpuMillis, long pageFaults,
                 String loadBefore) {
    }

    private StartupRuns() {
    }

    static void run(BenchOptions options) throws Exception {
        Machine machine = Machine.now();
        HubRun.log("machine: %d cores, %d MiB, %s, %s, load %s", machine.cores(), machine.memoryMiB(),
                machine.cpuModel(), machine.javaVersion(), machine.loadAverage());
        HubRun.log("hub: %s, JVM options %s, extra properties %s", options.hubJar(), options.hubJvmArgs(),
                options.hubProperties());
        HubRun.machineSpeed("machine speed before the starts");
        List<Start> starts = new ArrayList<>();
        try (Providers providers = Providers.start(options.channels())) {
            for (int run = 1; run <= options.startups(); run++) {
                for (String db : options.databases()) {
                    Database database = db.equals("h2") ? Database.h2()
                            : options.postgresUrl() == null ? null : Database.postgres(options.postgresUrl());
                    if (database == null) {
                        HubRun.log("PostgreSQL skipped: set %s (or %s) to a JDBC URL", BenchOptions.POSTGRES_ENV,
                                BenchOptions.POSTGRES_TEST_ENV);
                        continue;
                    }
                    starts.add(once(options, database, DEFAULTS, Map.of(), run));
                    starts.add(once(options, database, CONNECTORS, providers.hubProperties(), run));
                }
            }
        }
        HubRun.machineSpeed("machine speed after them");
        System.out.println();
        System.out.println(table(starts));
    }

    private static Start once(BenchOptions options, Database database, String kind, Map<String, String> connectors,
                              int run) throws Exception {
        String load = Machine.load();
        HubProcess hub = HubProcess.start(options, database, connectors, null);
        try {
            HubRun.log("%s #%d, %s: healthy after %,d ms wall, %,d ms CPU, %,d page faults (load before: %s)",
                    database.name(), run, kind, hub.startupMillis(), hub.startupCpuMillis(), hub.startupPageFaults(),
                    load);
            return new Start(database.name(), kind, run, hub.startupMillis(), hub.startupCpuMillis(),
                    hub.startupPageFaults(), load);
        } finally {
            hub.discard(null);
        }
    }

    static String table(List<Start> starts) {
        StringBuilder t = new StringBuilder("| database | hub | run | wall to healthy (ms) | CPU to healthy (ms)"
                + " | page faults to healthy | load before |\n|---|---|---|---|---|---|---|\n");
        for (Start s : starts) {
            t.append(String.format("| %s | %s | %d | %,d | %,d | %,d | %s |%n", s.database(), s.hub(), s.run(),
                    s.wallMillis(), s.cpuMillis(), s.pageFaults(), s.loadBefore()));
        }
        for (String db : starts.stream().map(Start::database).distinct().toList()) {
            for (String kind : List.of(DEFAULTS, CONNECTORS)) {
                List<Start> mine = starts.stream().filter(s -> s.database().equals(db) && s.hub().equals(kind))
                        .toList();
                if (!mine.isEmpty()) {
                    t.append(String.format("| %s | %s | median of %d | %,d | %,d | %,d | |%n", db, kind, mine.size(),
                            median(mine.stream().map(Start::wallMillis).toList()),
                            median(mine.stream().map(Start::cpuMillis).toList()),
                            median(mine.stream().map(Start::pageFaults).toList())));
                }
            }
        }
        return t.toString();
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
