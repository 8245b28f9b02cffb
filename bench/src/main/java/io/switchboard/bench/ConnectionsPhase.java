package io.switchboard.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many visitors at once on one node: {@code count} WebSocket sessions are opened and held; each
 * visitor sends a message (acknowledged once durable) and receives an agent's reply over its own
 * socket. The hub's heap after a full GC, before and while they are held, gives heap per connection.
 */
final class ConnectionsPhase {

    record Result(int target, int connected, long acked, long replied, long delivered, int openAtEnd,
                  double heapBaselineMiB, double heapHeldMiB, double heapPerConnectionKiB, double rssHeldMiB,
                  double seconds) {
    }

    private ConnectionsPhase() {
    }

    static Result run(HubProcess hub, Traffic traffic, AgentRest agent, int count) throws Exception {
        long baselineKiB = hub.heapUsedAfterGcKiB();
        long begin = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        AtomicLong delivered = new AtomicLong();
        List<ChatVisitor> visitors = connect(http, hub, count, delivered);
        Map<String, ChatVisitor> byId = new ConcurrentHashMap<>();
        visitors.forEach(v -> byId.put(v.visitorId(), v));
        long acked = exchange(visitors);
        long replied = reply(traffic, agent, byId.keySet());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(patience(count));
        while (delivered.get() < replied && System.nanoTime() < deadline) {
            Thread.sleep(50); // polling our own counter
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long heldKiB = hub.heapUsedAfterGcKiB();
        double rss = hub.rssMiB();
        int open = (int) visitors.stream().filter(ChatVisitor::isOpen).count();
        visitors.forEach(ChatVisitor::close);
        double perConnection = visitors.isEmpty() || heldKiB < 0 || baselineKiB < 0 ? Double.NaN
                : (heldKiB - baselineKiB) / (double) visitors.size();
        if (!hub.isAlive()) {
            System.err.println("The hub died while holding the sessions; see its log");
        }
        return new Result(count, visitors.size(), acked, replied, delivered.get(), open, baselineKiB / 1024.0,
                heldKiB / 1024.0, perConnection, rss, seconds);
    }

    private static List<ChatVisitor> connect(HttpClient http, HubProcess hub, int count, AtomicLong delivered)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(200);
        List<ChatVisitor> visitors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong refused = new AtomicLong();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            ChatVisitor.arrive(http, hub).orTimeout(60, TimeUnit.SECONDS).whenComplete((v, e) -> {
                if (e == null) {
                    v.onReply((text, nanos) -> delivered.incrementAndGet());
                    visitors.add(v);
                } else if (refused.incrementAndGet() <= 3) {
                    System.err.println("Visitor not connected: " + e);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(200);
        return new ArrayList<>(visitors);
    }

    private static long exchange(List<ChatVisitor> visitors) throws InterruptedException {
        Semaphore inFlight = new Semaphore(200);
        AtomicLong acked = new AtomicLong();
        for (ChatVisitor v : visitors) {
            inFlight.acquire();
            v.say(UUID.randomUUID().toString(), "Hello from a held connection")
                    .orTimeout(60, TimeUnit.SECONDS).whenComplete((t, e) -> {
                        if (e == null) {
                            acked.incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(200);
        return acked.get();
    }

    /** The agent answers every visitor whose message it saw, in its conversation. */
    /** How long to wait for the hub to catch up: two minutes, plus a second per 50 sessions. */
    private static long patience(int count) {
        return 120 + count / 50;
    }

    private static long reply(Traffic traffic, AgentRest agent, java.util.Set<String> visitorIds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(patience(visitorIds.size()));
        while (!traffic.conversations.keySet().containsAll(visitorIds) && System.nanoTime() < deadline) {
            Thread.sleep(50); // polling what the agent feed collected
        }
        Semaphore inFlight = new Semaphore(16);
        AtomicLong replied = new AtomicLong();
        for (String id : visitorIds) {
            Long conversation = traffic.conversations.get(id);
            if (conversation == null) {
                continue;
            }
            inFlight.acquire();
            CompletableFuture<Integer> r = agent.reply(conversation, "Thanks, we are on it.");
            r.whenComplete((status, e) -> {
                if (e == null && status == 201) {
                    replied.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(16);
        return replied.get();
    }
}
