package io.switchboard.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's HTTP client as the connector builds it: calls to {@code https://api.twilio.com} reach the
 * configured base URL, and as many go at once as {@code max-connections} allows (the outbound dispatcher's
 * consumers each send on their own thread; a pool smaller than they are makes them queue for a connection).
 */
class RewritingHttpClientTest {

    private static final int AT_ONCE = 12;

    private HttpServer server;
    private ExecutorService serverThreads;
    private final CountDownLatch allArrived = new CountDownLatch(AT_ONCE);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile Duration patience = Duration.ofSeconds(10);
    private final List<String> paths = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        serverThreads = Executors.newFixedThreadPool(AT_ONCE + 4);
        server.setExecutor(serverThreads);
        // Each call is answered only once AT_ONCE calls are open together (or after its patience, with 503).
        server.createContext("/", this::holdUntilAllArrived);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void asManyCallsGoAtOnceAsMaxConnectionsAllows() throws Exception {
        RewritingHttpClient client = new RewritingHttpClient(baseUrl(), Duration.ofSeconds(30), AT_ONCE);

        List<Integer> statuses = sendAtOnce(client);

        assertThat(statuses).hasSize(AT_ONCE).containsOnly(201);
        assertThat(mostAtOnce.get()).isEqualTo(AT_ONCE);
        assertThat(paths).hasSize(AT_ONCE).containsOnly("/2010-04-01/Accounts/AC123/Messages.json");
    }

    @Test
    void fewerConnectionsThanCallsMakeTheRestWait() throws Exception {
        RewritingHttpClient client = new RewritingHttpClient(baseUrl(), Duration.ofSeconds(30), 4);
        patience = Duration.ofMillis(500);

        List<Integer> statuses = sendAtOnce(client);

        // the bound holds: never more than 4 open, so the server never sees all of them together
        assertThat(mostAtOnce.get()).isEqualTo(4);
        assertThat(statuses).contains(503);
    }

    private List<Integer> sendAtOnce(RewritingHttpClient client) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                calls.add(senders.submit(() -> {
                    Request request = new Request(HttpMethod.POST,
                            RewritingHttpClient.TWILIO_API + "/2010-04-01/Accounts/AC123/Messages.json");
                    request.setAuth("AC123", "token");
                    request.addPostParam("Body", "hello");
                    Response response = client.makeRequest(request);
                    return response.getStatusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            senders.shutdownNow();
        }
    }

    private void holdUntilAllArrived(HttpExchange exchange) throws IOException {
        paths.add(exchange.getRequestURI().getPath());
        exchange.getRequestBody().readAllBytes();
        int open = inFlight.incrementAndGet();
        mostAtOnce.accumulateAndGet(open, Math::max);
        allArrived.countDown();
        boolean together;
        try {
            together = allArrived.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            together = false;
        }
        inFlight.decrementAndGet();
        byte[] body = (together ? "{\"sid\":\"SM1\"}" : "{\"code\":20503,\"message\":\"waited alone\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(together ? 201 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
