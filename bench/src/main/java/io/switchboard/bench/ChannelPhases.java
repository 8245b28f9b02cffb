package io.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Each channel besides SMS and web chat on its own, one after the other against the same hub: its customers'
 * first messages (contacts and conversations exist), a warm-up that is not counted, then sustained inbound from its provider (closed loop),
 * latency at a fixed rate ({@code --channel-rate}, or 85 % of the sustained rate when that is lower), and agents'
 * replies through to the provider's fake.
 */
final class ChannelPhases {

    /** The figures of one channel. */
    record Result(String channel, InboundPhases.Throughput inbound, InboundPhases.FixedRate latencyAtRate,
                  OutboundPhase.Result outbound) {
    }

    private ChannelPhases() {
    }

    static List<Result> run(BenchOptions options, String db, Traffic traffic, AgentRest agent,
                            List<ChannelDriver> channels) throws Exception {
        List<Result> results = new ArrayList<>();
        for (ChannelDriver channel : channels) {
            results.add(run(options, db, traffic, agent, channel));
        }
        return results;
    }

    private static Result run(BenchOptions options, String db, Traffic traffic, AgentRest agent, ChannelDriver channel)
            throws Exception {
        String name = channel.channel();
        int customers = options.channelCustomers();
        HubRun.log("%s %s: first messages of %d customers", db, name, customers);
        seed(traffic, channel, customers);
        Duration duration = options.channelDuration();
        // as for SMS and web chat: the channel's own code paths get compiled before anything is counted,
        // else the first channel measured pays for the JIT
        Duration warmup = InboundPhases.warmupFor(duration);
        HubRun.log("%s %s: warming up for %ds", db, name, warmup.toSeconds());
        InboundPhases.sustained(traffic, channel, warmup, options.channelWorkers(), customers);
        HubRun.log("%s %s: sustained inbound for %ds (%d senders)", db, name, duration.toSeconds(),
                options.channelWorkers());
        InboundPhases.Throughput inbound = InboundPhases.sustained(traffic, channel, duration, options.channelWorkers(),
                customers);
        HubRun.log("%s %s: %.0f msg/s visible, %s", db, name, inbound.visiblePerSecond(), inbound.latency());
        // a rate the channel sustains: above it the phase measures a growing queue, not latency
        int rate = Math.min(options.channelRate(), inbound.nearSaturation());
        HubRun.settle(traffic.hub, db + " " + name);
        HubRun.log("%s %s: %d msg/s for %ds", db, name, rate, duration.toSeconds());
        InboundPhases.FixedRate atRate = InboundPhases.fixedRate(traffic, channel, rate, duration, customers);
        HubRun.log("%s %s: held %.0f msg/s, %s (acknowledged: %s)", db, name, atRate.sentPerSecond(), atRate.latency(),
                atRate.acknowledged());
        HubRun.settle(traffic.hub, db + " " + name);
        HubRun.log("%s %s: agent replies for %ds", db, name, duration.toSeconds());
        OutboundPhase.Result outbound = OutboundPhase.run(agent, channel::onReply, name, traffic.conversationsOn(name),
                duration, options.replyWorkers());
        HubRun.log("%s %s: %.0f replies/s, %s", db, name, outbound.repliesPerSecond(), outbound.latency());
        return new Result(name, inbound, atRate, outbound);
    }

    /** One message from every customer, so the measured phases find contacts and conversations. */
    private static void seed(Traffic traffic, ChannelDriver channel, int customers) throws Exception {
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            inFlight.acquire();
            sent.add(traffic.send(channel, c, System.nanoTime()).whenComplete((ok, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        long failed = sent.stream().filter(f -> !f.join()).count();
        if (failed > 0) {
            throw new IllegalStateException(channel.channel() + ": " + failed + " of " + customers
                    + " customers' first messages failed (last: " + traffic.lastFailure() + "); see the hub's log");
        }
        traffic.drain(Duration.ofSeconds(120));
        if (traffic.pendingCount() > 0) {
            throw new IllegalStateException(channel.channel() + ": " + traffic.pendingCount()
                    + " accepted messages never reached the agent within 120 s; see the hub's log");
        }
    }
}
