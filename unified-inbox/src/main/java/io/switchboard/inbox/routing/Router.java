package io.switchboard.inbox.routing;

import static io.switchboard.inbox.routing.ActivityRepository.MERGED;
import static io.switchboard.inbox.routing.ActivityRepository.REOPENED;
import static io.switchboard.inbox.routing.ActivityRepository.RESOLVED;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link RoutingHooks}: records the activity in the caller's transaction, routes on routing's own thread. */
class Router implements RoutingHooks, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Router.class);
    /** While a burst is being queued, its first visitors still get an agent after this many. */
    private static final int DRAIN_EVERY = 50;

    private final RoutingEngine engine;
    private final QueueRepository queue;
    private final ActivityRepository activity;
    private final Executor executor;
    private final Clock clock;
    /** New conversations not routed yet, oldest first; one task on routing's thread takes them all. */
    private final Queue<Pending> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    Router(RoutingEngine engine, QueueRepository queue, ActivityRepository activity, Executor executor, Clock clock) {
        this.engine = engine;
        this.queue = queue;
        this.activity = activity;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public void arrived(long conversationId, boolean reopened) {
        arrivals.add(new Pending(conversationId, reopened));
        if (scheduled.compareAndSet(false, true)) {
            run("route new conversations", this::routeArrivals);
        }
    }

    /**
     * Queues the conversations that arrived since the last run, in arrival order, then drains each
     * affected team once: a burst of a thousand new conversations costs a thousand small inserts
     * and a few drains, not a thousand drains of a growing queue.
     */
    private void routeArrivals() {
        scheduled.set(false);
        Set<String> teams = new LinkedHashSet<>();
        int placed = 0;
        for (Pending next = arrivals.poll(); next != null; next = arrivals.poll()) {
            Pending arrival = next;
            try {
                engine.place(arrival.conversationId(), arrival.reopened()).ifPresent(teams::add);
            } catch (RuntimeException e) {
                log.warn("Routing could not route conversation {} now (the sweep retries): {}",
                        arrival.conversationId(), e.toString());
            }
            if (++placed % DRAIN_EVERY == 0) {
                drainAll(teams);
            }
        }
        drainAll(teams);
    }

    private void drainAll(Set<String> teams) {
        for (String team : teams) {
            try {
                engine.drain(team, false);
            } catch (RuntimeException e) {
                log.warn("Routing could not assign team {}'s queue now (the sweep retries): {}", team, e.toString());
            }
        }
        teams.clear();
    }

    private record Pending(long conversationId, boolean reopened) {
    }

    @Override
    public void statusChanged(long conversationId, String before, String after, String actor) {
        queue.statusChanged(conversationId, "OPEN".equals(after), clock.instant());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", before.toLowerCase(java.util.Locale.ROOT));
        data.put("to", after.toLowerCase(java.util.Locale.ROOT));
        if ("RESOLVED".equals(after)) {
            activity.add(conversationId, RESOLVED, actor, null, data, clock.instant());
        } else if ("RESOLVED".equals(before)) {
            activity.add(conversationId, REOPENED, actor, null, data, clock.instant());
        }
    }

    @Override
    public void afterStatusChange(long conversationId) {
        run("rebalance after conversation " + conversationId, () -> engine.afterStatusChange(conversationId));
    }

    @Override
    public void merged(List<Long> conversationIds, long intoContactId, long fromContactId, String actor) {
        Map<String, Object> data = Map.of("contactId", intoContactId, "mergedContactId", fromContactId);
        conversationIds.forEach(id -> activity.add(id, MERGED, actor, null, data, clock.instant()));
    }

    /** Stops routing's thread (when it owns one) on shutdown; the sweep of the next start catches up. */
    @Override
    public void close() {
        if (executor instanceof java.util.concurrent.ExecutorService service) {
            service.shutdownNow();
        }
    }

    /** Routing never fails the caller: what fails here is retried by the sweep. */
    private void run(String what, Runnable task) {
        executor.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Routing could not {} now (the sweep retries): {}", what, e.toString());
            }
        });
    }
}
