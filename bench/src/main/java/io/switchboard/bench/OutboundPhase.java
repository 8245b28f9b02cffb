package io.switchboard.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agent replies through to the provider: agents post replies to one channel's conversations over the REST
 * API ({@code replyWorkers} outstanding at any time); the hub stores each, queues it on
 * {@code hub.outbound}, and the channel's connector sends it to the bench's fake of the provider (Twilio's
 * Messages API, the Graph API, the Bot API, the customer's mailbox). Latency runs from the POST to the fake
 * receiving the reply, matched by the reply's token.
 */
final class OutboundPhase {

    record Result(double repliesPerSecond, long posted, long delivered, long failed, double seconds,
                  Latencies.Summary latency) {
    }

    private OutboundPhase() {
    }

    /** Each reply carries a token of its own; a provider's fake reports the text (or more) it received. */
    private static final Pattern TOKEN = Pattern.compile("reply-[0-9a-f]{32}");

    static Result run(AgentRest agent, Consumer<ObjLongConsumer<String>> provider, String channel,
                      List<Long> conversations, Duration duration, int replyWorkers) throws Exception {
        if (conversations.isEmpty()) {
            throw new IllegalStateException("No " + channel + " conversation to reply to: the inbound phases saw none");
        }
        Map<String, Long> pending = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        AtomicLong delivered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        provider.accept((text, arrived) -> {
            Matcher token = TOKEN.matcher(text);
            Long sent = token.find() ? pending.remove(token.group()) : null;
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
            String token = "reply-" + UUID.randomUUID().toString().replace("-", "");
            String text = "Your order ships today. " + token;
            pending.put(token, System.nanoTime());
            long conversation = conversations.get((int) (posted++ % conversations.size()));
            agent.reply(conversation, text).whenComplete((status, e) -> {
                if (e != null || status != 201) {
                    pending.remove(token);
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
