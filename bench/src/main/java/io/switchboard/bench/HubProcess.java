package io.switchboard.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub as an admin runs it with {@code ./switchboard}: {@code java -XX:SharedArchiveFile=switchboard.jsa -Xmx1g
 * -jar unified-inbox/target/app/switchboard-exec.jar} (the archive when the build made one) in its own JVM, on a
 * free loopback port, with a temporary data directory, the connectors of the run's channels on (test accounts
 * whose providers are the bench's fakes, {@link Providers}) and the database of the run. Its output goes to {@code hub.log}.
 */
final class HubProcess implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String PASSWORD = "bench-admin-password-123";
    static final String ACCOUNT_SID = "AC00000000000000000000000000bench";
    static final String AUTH_TOKEN = "bench-auth-token-0123456789abcdef";
    static final String NUMBER = "+15550001111";

    /** The class data sharing archive the build leaves next to the hub's jar (unified-inbox/pom.xml), as ./switchboard uses it. */
    static final String CDS_ARCHIVE = "switchboard.jsa";
    /** The hub's JVM defaults next to its jar, as {@code ./switchboard} passes them. */
    static final String JVM_OPTIONS = "jvm.options";

    /** What the JVM prints ({@code [warning][cds,dynamic]}) when the archive does not fit its class path. */
    static final String ARCHIVE_REFUSED = "Unable to use shared archive";

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Database database;
    private final long startupMillis;
    private final long startupCpuMillis;
    private final long startupPageFaults;
    private final HttpClient admin = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();

    private HubProcess(Process process, int port, Path dataDir, Database database, long startupMillis,
                       long startupCpuMillis, long startupPageFaults) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.database = database;
        this.startupMillis = startupMillis;
        this.startupCpuMillis = startupCpuMillis;
        this.startupPageFaults = startupPageFaults;
    }

    /** What to say when the hub jar to measure is not there; empty when it is. */
    static Optional<String> missingHubJar(BenchOptions options) {
        return Files.isRegularFile(options.hubJar()) ? Optional.empty()
                : Optional.of("No hub jar at " + options.hubJar().toAbsolutePath() + ": run the bench from the"
                        + " repository root after building it (mvn -B -q -pl unified-inbox,bench -am package"
                        + " -DskipTests), or name the hub with --hub-jar");
    }

    static HubProcess start(BenchOptions options, Database database, Map<String, String> providers, Path jfrFile)
            throws IOException, InterruptedException {
        Optional<String> missing = missingHubJar(options);
        if (missing.isPresent()) {
            throw new IllegalStateException(missing.get());
        }
        int port = freePort();
        Path dataDir = Files.createTempDirectory("switchboard-bench-");
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmDefaults(options)); // before --hub-jvm-arg, which wins as JAVA_OPTS does
        if (jfrFile != null) {
            // the JVM refuses to start when it cannot create the recording, e.g. in a folder not made yet
            Files.createDirectories(jfrFile.toAbsolutePath().getParent());
            command.add("-XX:StartFlightRecording=filename=" + jfrFile.toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        Path archive = options.hubJar().toAbsolutePath().resolveSibling(CDS_ARCHIVE);
        if (Files.isRegularFile(archive)) {
            command.add(1, "-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(options.hubJvmArgs());
        command.add("-jar");
        command.add(options.hubJar().toAbsolutePath().toString());
        properties(port, dataDir, providers, database).forEach((k, v) -> command.add("--" + k + "=" + v));
        options.hubProperties().forEach(p -> command.add("--" + p));
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dataDir.toFile())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("hub.log").toFile()).start();
        HubProcess hub = new HubProcess(process, port, dataDir, database, 0, 0, 0);
        try {
            long millis = hub.awaitHealthy(begin);
            HubProcess started = new HubProcess(process, port, dataDir, database, millis, hub.cpuMillis(),
                    hub.pageFaults());
            if (Files.isRegularFile(archive) && started.archiveRefused()) {
                HubRun.log("WARNING: the JVM did not use the class data sharing archive %s (JDK 17 ties it to the"
                        + " folder it was made in: a copied app/ loses it). This hub starts and warms up slower than"
                        + " one built in place; for an A/B, build the other revision in its own checkout (git"
                        + " worktree) instead of copying target/app", archive);
            }
            return started;
        } catch (RuntimeException | InterruptedException e) {
            hub.close();
            throw e;
        }
    }

    private static Map<String, String> properties(int port, Path dataDir, Map<String, String> providers,
                                                  Database database) {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("server.port", Integer.toString(port));
        p.put("server.address", "127.0.0.1");
        p.put("hub.data-dir", dataDir.toString());
        p.put("hub.public-base-url", "http://127.0.0.1:" + port);
        p.put("hub.security.bootstrap-admin.username", ADMIN);
        p.put("hub.security.bootstrap-admin.password", PASSWORD);
        p.putAll(providers);
        p.putAll(database.properties());
        return p;
    }

    private long awaitHealthy(long beginNanos) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(http("/actuator/health")))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = beginNanos + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The hub stopped during start-up (exit " + process.exitValue()
                        + "); see " + dataDir.resolve("hub.log"));
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - beginNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50); // polling a process we do not control; no event to wait on
        }
        throw new IllegalStateException("The hub was not healthy within 300 s; see " + dataDir.resolve("hub.log"));
    }

    String http(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /**
     * The hub's metrics, a Prometheus scrape as an admin (its collector pauses, its H2 group commit). HTTP Basic
     * checks the password (bcrypt) once; the session cookie spares the later calls that.
     */
    String prometheus() throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> scrape = admin.send(
                HttpRequest.newBuilder(URI.create(http("/actuator/prometheus"))).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString());
        if (scrape.statusCode() != 200) {
            throw new IOException("GET /actuator/prometheus: HTTP " + scrape.statusCode());
        }
        return scrape.body();
    }

    String ws(String path) {
        return "ws://127.0.0.1:" + port + path;
    }

    long startupMillis() {
        return startupMillis;
    }

    Database database() {
        return database;
    }

    /** CPU time (user + system, all threads) the hub had used when it first answered healthy; -1 when unknown. */
    long startupCpuMillis() {
        return startupCpuMillis;
    }

    /**
     * Minor page faults the hub had made when it first answered healthy: each the first touch of a page of memory
     * (or of a file it maps), which a virtual machine can make slow ({@link CpuProbe#pageTouchMicros}); -1 when
     * unknown.
     */
    long startupPageFaults() {
        return startupPageFaults;
    }

    /** Minor page faults of the hub's process so far (Linux {@code /proc/<pid>/stat}, {@code minflt}); -1 when unknown. */
    long pageFaults() {
        try {
            return minorFaults(Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat")));
        } catch (IOException | RuntimeException unknown) {
            return -1; // not Linux, or the hub is gone
        }
    }

    /** {@code minflt}, the tenth field of a {@code /proc/<pid>/stat} line; the second, the name, may hold spaces. */
    static long minorFaults(String stat) {
        return Long.parseLong(ThreadCpu.fieldsAfterName(stat)[7]);
    }

    /**
     * Waits until the hub uses less than a tenth of a core and the whole machine less than a fifth (a database
     * server on it checkpointing or vacuuming what a phase wrote, say) over half a second, at most {@code limit};
     * false when they were still busy then.
     */
    boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long hubBefore = cpuMillis();
        long machineBefore = Machine.busyMillis();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500); // sampling CPU time over a window, not waiting for an event
            long hubNow = cpuMillis();
            long machineNow = Machine.busyMillis();
            boolean hubIdle = hubBefore >= 0 && hubNow >= 0 && hubNow - hubBefore < 50;
            boolean machineIdle = machineBefore < 0 || machineNow < 0 || machineNow - machineBefore < 100;
            if (hubIdle && machineIdle) {
                return true;
            }
            hubBefore = hubNow;
            machineBefore = machineNow;
        }
        return false;
    }

    /** CPU time the hub's process and its children (e.g. a launcher's JVM) have used so far, in ms; -1 when unknown. */
    long cpuMillis() {
        long total = cpuMillis(process.toHandle());
        for (ProcessHandle child : process.descendants().toList()) {
            long c = cpuMillis(child);
            total = total < 0 || c < 0 ? Math.max(total, c) : total + c;
        }
        return total;
    }

    /** The hub's threads and the CPU each has used so far (Linux); empty when unknown. */
    Map<Long, ThreadCpu.Task> threads() {
        return ThreadCpu.sample(process.pid());
    }

    /**
     * Bytes the hub's process has caused to be written to storage so far (Linux {@code /proc/<pid>/io},
     * {@code write_bytes}: the broker's journal and the database file); -1 when unknown.
     */
    long writtenBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "io"))) {
                if (line.startsWith("write_bytes:")) {
                    return Long.parseLong(line.substring("write_bytes:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException unknown) {
            // not Linux, or the hub is gone
        }
        return -1;
    }

    private static long cpuMillis(ProcessHandle handle) {
        return handle.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    Path log() {
        return dataDir.resolve("hub.log");
    }

    /** Whether the JVM said it could not use the class data sharing archive it was given (e.g. a copied app/). */
    boolean archiveRefused() {
        try (java.util.stream.Stream<String> lines = Files.lines(log())) {
            return lines.anyMatch(line -> line.contains(ARCHIVE_REFUSED));
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return false;
        }
    }

    /** Resident set size of the hub process, in MiB (Linux /proc); NaN when the process is gone. */
    double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException gone) {
            // the hub died (e.g. out of memory): no figure
        }
        return Double.NaN;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Java heap in use after a full collection, in KiB (jcmd GC.run, then GC.heap_info); -1 when unknown. */
    long heapUsedAfterGcKiB() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Stops the hub and removes what it left: its data directory (keeping its log next to the results when
     * asked) and, on PostgreSQL, the run's schema.
     */
    void discard(Path keepLogAs) throws IOException, InterruptedException {
        close();
        deleteData(keepLogAs);
        database.dropSchema();
    }

    private void deleteData(Path keepLogAs) throws IOException {
        if (keepLogAs != null && Files.exists(log())) {
            Files.createDirectories(keepLogAs.toAbsolutePath().getParent());
            Files.copy(log(), keepLogAs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.walk(dataDir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The hub's heap limit and the JVM defaults its start script uses ({@code jvm.options} next to the jar, e.g. the
     * collector), for the hub and for the reference broker measured against it.
     */
    static List<String> jvmDefaults(BenchOptions options) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + options.heap()));
        Path defaults = options.hubJar().toAbsolutePath().resolveSibling(JVM_OPTIONS);
        if (Files.isRegularFile(defaults)) {
            jvm.add("@" + defaults);
        }
        return jvm;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
