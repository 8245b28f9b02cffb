package io.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A WebSocket that hands every complete text frame to a callback on the client's thread, and sends
 * frames one after the other (java.net.http allows one outstanding send per socket).
 */
final class JsonSocket {

    private final WebSocket socket;
    private final Listener listener;
    private CompletableFuture<WebSocket> lastSend;

    private JsonSocket(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
        this.lastSend = CompletableFuture.completedFuture(socket);
    }

    static CompletableFuture<JsonSocket> open(HttpClient http, String url, Map<String, String> headers,
                                              Consumer<String> onFrame) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        Listener listener = new Listener(onFrame);
        return builder.buildAsync(URI.create(url), listener).thenApply(ws -> new JsonSocket(ws, listener));
    }

    /** Queues a frame behind the previous one; the future completes when it is written. */
    synchronized CompletableFuture<WebSocket> send(String frame) {
        lastSend = lastSend.handle((ws, failure) -> socket).thenCompose(ws -> ws.sendText(frame, true));
        return lastSend;
    }

    boolean isOpen() {
        return !listener.closed;
    }

    void close() {
        listener.closed = true;
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    }

    private static final class Listener implements WebSocket.Listener {

        private final Consumer<String> onFrame;
        private StringBuilder parts = new StringBuilder();
        volatile boolean closed;

        Listener(Consumer<String> onFrame) {
            this.onFrame = onFrame;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                String frame = parts.toString();
                parts = new StringBuilder();
                onFrame.accept(frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }
    }
}
