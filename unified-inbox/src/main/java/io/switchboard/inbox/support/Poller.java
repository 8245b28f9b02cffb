package io.switchboard.inbox.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one task on its own thread at a fixed delay, and at once when {@link #wake()} is called
 * (wake-ups coalesce). Starts when the application is ready (after Camel's routes and durable
 * subscriptions exist) and stops first on shutdown. A failing run is logged and the next one comes as scheduled.
 */
public final class Poller implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    public Poller(String name, Duration interval, Runnable task) {
        this.name = name;
        this.interval = interval;
        this.task = task;
    }

    /** Runs the task soon, without waiting for the next tick. */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && wakePending.compareAndSet(false, true)) {
            running.execute(() -> {
                wakePending.set(false);
                runSafely();
            });
        }
    }

    private void runSafely() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("{} run failed, retrying in {}: {}", name, interval, e.toString());
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (executor == null) {
            start();
        }
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // stops before Camel and the data source
        return Integer.MAX_VALUE - 100;
    }
}
