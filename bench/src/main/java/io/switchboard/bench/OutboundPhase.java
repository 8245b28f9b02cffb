package io.switchboard.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Agent replies through to the provider: agents post replies to SMS conversations over the REST API
 * ({@code replyWorkers} outstanding at any time); the hub stores each, queues it on
 * {@code hub.outbound}, and the Twilio connector sends it to the bench's fake Messages API. Latency
 * runs from the POST to the fake receiving the reply.
 */
final class OutboundPhase {

    record Result(double repliesPerSecond, long posted, long delivered, long failed, double seconds,
                  Latencies.Summary latency) {
    }

    private OutboundPhase() {
    }

    static Result run(AgentRest agent, FakeTwilio twilio, List<Long> conversations, Duration duration, int replyWorkers)
            throws Exception {
        if (conversations.isEmpty()) {
            throw new IllegalStateException("No SMS conversation to reply to: the inbound phases saw none");
        }
        Map<String, Long> pending = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        AtomicLong delivered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        twilio.onMessage((body, arrived) -> {
            Long sent = pending.remove(body);
            if (sent != null) {
                delivered.incrementAndGet();
                latencies.record(arrived - sent);
            }
        });
        Semaphore inFlight = new Semaphore(replyWorkers);
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        long posted = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            String text = "Your order ships today. " + UUID.randomUUID();
            pending.put(text, System.nanoTime());
            long conversation = conversations.get((int) (posted++ % conversations.size()));
            agent.reply(conversation, text).whenComplete((status, e) -> {
                if (e != null || status != 201) {
                    pending.remove(text);
                    failed.incrementAndGet();
                }
                inFlight.release();
            });
        }
        long deliveredInWindow = delivered.get();
        double seconds = (System.nanoTime() - begin) / 1e9;
        inFlight.acquire(replyWorkers);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling our own counter
        }
        return new Result(deliveredInWindow / seconds, posted, delivered.get(), failed.get(), seconds,
                latencies.summary());
    }
}
