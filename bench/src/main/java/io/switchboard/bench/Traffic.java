package io.switchboard.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Customer messages into one hub — signed Twilio webhooks over HTTP, web-chat frames over the
 * visitors' WebSockets, and each other channel's provider ({@link ChannelDriver}) — matched with
 * what the agent's real-time feed shows: each message is stamped when it is sent and its latency
 * recorded when its {@code message.created} arrives.
 */
final class Traffic implements AutoCloseable {

    final HubProcess hub;
    final HttpClient http;
    final AgentFeed agent;
    final Webhooks webhooks;
    final List<ChatVisitor> visitors;
    /** provider id → when it was sent (nanoTime) */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    /** customer address (phone or visitor id) → conversation id, as the agent saw them */
    final Map<String, Long> conversations = new ConcurrentHashMap<>();
    /** channel → conversation ids of its customers, as the agent saw them */
    private final Map<String, Set<Long>> byChannel = new ConcurrentHashMap<>();
    final AtomicLong visible = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    private volatile Latencies sink = new Latencies();
    private volatile Latencies acknowledgedSink = new Latencies();
    private volatile String lastFailure;

    Traffic(HubProcess hub, int chatVisitors) {
        this.hub = hub;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4, daemon("bench-http")))
                .connectTimeout(Duration.ofSeconds(30)).build();
        this.agent = new AgentFeed(http, hub);
        this.agent.listen(this::seen);
        this.webhooks = new Webhooks(hub);
        this.visitors = java.util.stream.IntStream.range(0, chatVisitors)
                .mapToObj(i -> ChatVisitor.arrive(http, hub)).toList()
                .stream().map(CompletableFuture::join).toList();
    }

    private void seen(String providerId, String channel, String address, long conversationId, long arrivedNanos) {
        conversations.putIfAbsent(address, conversationId);
        byChannel.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(conversationId);
        Long sent = pending.remove(providerId);
        if (sent != null) {
            visible.incrementAndGet();
            sink.record(arrivedNanos - sent);
        }
    }

    /** The conversations the agent saw messages of this channel in. */
    List<Long> conversationsOn(String channel) {
        return List.copyOf(byChannel.getOrDefault(channel, Set.of()));
    }

    /**
     * From now on latencies go to fresh recorders, which are returned: until the agent saw each message,
     * and until the hub acknowledged it (answered its webhook, acked its frame: stored on the bus).
     */
    Measured measure() {
        Measured fresh = new Measured(new Latencies(), new Latencies());
        acknowledgedSink = fresh.acknowledged();
        sink = fresh.visible();
        return fresh;
    }

    /**
     * Latencies from the moment each message was sent (or scheduled) to when the agent saw it, and to its
     * acknowledgement (for email: the mail server's, which takes the mail whether or not the hub keeps up).
     */
    record Measured(Latencies visible, Latencies acknowledged) {
    }

    int pendingCount() {
        return pending.size();
    }

    String nextSid() {
        return ProviderIds.twilioSid();
    }

    /** One webhook, answered synchronously; true when the hub answered 200 (stored durably). */
    boolean webhook(String from, long stampNanos) throws Exception {
        return check(nextSid(), stampNanos, sid -> http.send(webhooks.message(sid, from, "Where is my order " + sid + "?"),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    CompletableFuture<Boolean> webhookAsync(String from, long stampNanos) {
        String sid = nextSid();
        pending.put(sid, stampNanos);
        return http.sendAsync(webhooks.message(sid, from, "Where is my order " + sid + "?"),
                HttpResponse.BodyHandlers.discarding())
                .handle((r, e) -> accepted(sid, stampNanos, e == null && r.statusCode() == 200));
    }

    /** One message of customer {@code n} on a channel; the future says whether its provider's side was acknowledged. */
    CompletableFuture<Boolean> send(ChannelDriver channel, int customer, long stampNanos) {
        ChannelDriver.Outgoing message = channel.message(customer);
        String providerId = message.providerId();
        pending.put(providerId, stampNanos);
        CompletableFuture<Boolean> sent;
        try {
            sent = message.send();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((ok, e) -> {
            if (e != null) {
                Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e;
                lastFailure = channel.channel() + ": " + cause;
            } else if (!ok) {
                lastFailure = channel.channel() + ": not acknowledged by its provider";
            }
            return accepted(providerId, stampNanos, e == null && ok);
        });
    }

    /** Why the last message that failed on its way in failed (the hub's answer or the client's error), or null. */
    String lastFailure() {
        return lastFailure;
    }

    /** One chat frame; the future says whether it was acknowledged (stored durably). */
    CompletableFuture<Boolean> chat(ChatVisitor visitor, long stampNanos) {
        String clientId = UUID.randomUUID().toString();
        String providerId = visitor.visitorId() + ":" + clientId;
        pending.put(providerId, stampNanos);
        return visitor.say(clientId, "Do you ship to Austria? " + clientId)
                .handle((ack, e) -> accepted(providerId, stampNanos, e == null));
    }

    private interface Send {
        int status(String sid) throws Exception;
    }

    private boolean check(String sid, long stampNanos, Send send) throws Exception {
        pending.put(sid, stampNanos);
        try {
            return accepted(sid, stampNanos, send.status(sid) == 200);
        } catch (Exception e) {
            accepted(sid, stampNanos, false);
            throw e;
        }
    }

    private boolean accepted(String providerId, long stampNanos, boolean ok) {
        if (ok) {
            acknowledgedSink.record(System.nanoTime() - stampNanos);
        } else {
            pending.remove(providerId);
            failed.incrementAndGet();
        }
        return ok;
    }

    /** Waits (bounded) until every accepted message was seen by the agent; returns how long it took. */
    long drain(Duration limit) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + limit.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling our own counter
        }
        return (System.nanoTime() - begin) / 1_000_000;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        visitors.forEach(ChatVisitor::close);
        agent.close();
    }
}
