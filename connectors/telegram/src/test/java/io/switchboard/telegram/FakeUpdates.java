package io.switchboard.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * getUpdates as Telegram does it: an update stays queued until getUpdates is called with an offset
 * above its id; with {@code timeout} the call waits for an update (here at most one second).
 */
final class FakeUpdates {

    /** The offset of every getUpdates call, in order (null when the call had none). */
    final List<Long> offsets = new CopyOnWriteArrayList<>();
    /** How many times each update id was handed out. */
    final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    private final List<JsonNode> queue = new ArrayList<>();

    synchronized void add(String updateJson) {
        try {
            queue.add(FakeBotApi.JSON.readTree(updateJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        notifyAll();
    }

    int delivered(long updateId) {
        return deliveries.getOrDefault(updateId, new AtomicInteger()).get();
    }

    synchronized JsonNode take(Map<String, String> params) {
        Long offset = params.containsKey("offset") ? Long.valueOf(params.get("offset")) : null;
        offsets.add(offset);
        if (offset != null) {
            queue.removeIf(update -> update.path("update_id").asLong() < offset);
        }
        long timeoutMillis = Math.min(1000, Long.parseLong(params.getOrDefault("timeout", "0")) * 1000);
        if (queue.isEmpty() && timeoutMillis > 0) {
            try {
                wait(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ArrayNode result = FakeBotApi.JSON.createArrayNode();
        for (JsonNode update : queue) {
            deliveries.computeIfAbsent(update.path("update_id").asLong(), id -> new AtomicInteger()).incrementAndGet();
            result.add(update);
        }
        return result;
    }
}
