package io.switchboard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor under every message that arrives over HTTP: the hub's cheapest answer, {@code GET /demo} (a 2.7 KB
 * page the web-chat connector's controller returns from memory, through Tomcat, the security filter chain and
 * Spring MVC: no bus, no database), closed loop, with the hub's CPU per request. A webhook cannot cost the web
 * threads less than this. The clients are blocking {@link HttpURLConnection}s with keep-alive, which cost the
 * shared machine about a third of what {@code java.net.http} does per request; {@link BenchMain} lets them keep
 * a connection per worker.
 */
final class WebFloor {

    static final String PATH = "/demo";

    /** Requests answered 200 per second, the failures, and the hub's CPU (all threads) per answered request. */
    record Result(double requestsPerSecond, long requests, long failed, double hubCpuMillisPerRequest) {
    }

    private WebFloor() {
    }

    static Result measure(HubProcess hub, int workers, Duration warmup, Duration duration) throws Exception {
        URL page = URI.create(hub.http(PATH)).toURL();
        run(page, workers, warmup); // the page's code gets compiled
        long cpuBefore = hub.cpuMillis();
        long begin = System.nanoTime();
        long[] counts = run(page, workers, duration);
        double seconds = (System.nanoTime() - begin) / 1e9;
        long cpu = hub.cpuMillis() - cpuBefore;
        return new Result(counts[0] / seconds, counts[0], counts[1], counts[0] == 0 ? Double.NaN
                : cpu / (double) counts[0]);
    }

    /** {@code workers} threads each requesting the page again as soon as it came, for {@code duration}. */
    private static long[] run(URL page, int workers, Duration duration) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(workers, Traffic.daemon("bench-floor"));
        byte[] buffer = new byte[8192];
        for (int i = 0; i < workers; i++) {
            threads.submit(() -> {
                byte[] own = buffer.clone();
                while (System.nanoTime() < end) {
                    if (fetch(page, own)) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        threads.shutdown();
        threads.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        return new long[] {ok.get(), failed.get()};
    }

    private static boolean fetch(URL page, byte[] buffer) {
        try {
            HttpURLConnection connection = (HttpURLConnection) page.openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                // read to the end, so the connection goes back to the keep-alive cache
                while (body != null && body.read(buffer) >= 0) {
                    // discard
                }
            }
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
