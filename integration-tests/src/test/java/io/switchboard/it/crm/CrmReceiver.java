package io.switchboard.it.crm;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A CRM on 127.0.0.1 as a real receiver would be: it verifies every request with the Standard
 * Webhooks library (signature and timestamp tolerance) before anything else, answers with the
 * queued status codes (then 200, or {@code body} when set) and records what it saw.
 */
final class CrmReceiver implements AutoCloseable {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final HttpServer server;
    private final Webhook verifier = new Webhook(SECRET);
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile String body = "";

    CrmReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a));
            String rejection = null;
            try {
                verifier.verify(payload, headers);
            } catch (WebhookVerificationException e) {
                rejection = e.getMessage();
            }
            Integer queued = answers.poll();
            int status = rejection != null ? 401 : queued == null ? 200 : queued;
            received.add(new Received(first(headers, "webhook-id"), Long.parseLong(first(headers, "webhook-timestamp")),
                    first(headers, "webhook-signature"), payload, rejection, status));
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, status == 200 && answer.length > 0 ? answer.length : -1);
            if (status == 200 && answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? "0" : values.get(0);
    }

    void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> accepted() {
        return received.stream().filter(r -> r.status() / 100 == 2).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One request: its Standard Webhooks headers, body, why verification failed (null: verified), our answer. */
    record Received(String id, long timestamp, String signature, String body, String rejection, int status) {
    }
}
