package io.switchboard.telegram;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the getUpdates loops of the bots in polling mode, one thread per bot, while the application
 * runs. Only one node may poll a bot (Telegram answers concurrent getUpdates with 409), so the loops
 * run only where {@code hub.channels.telegram.polling-enabled} is true.
 */
final class TelegramPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

    private final List<BotPoller> pollers;
    private ScheduledExecutorService scheduler;

    TelegramPolling(List<BotPoller> pollers) {
        this.pollers = List.copyOf(pollers);
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || pollers.isEmpty()) {
            return;
        }
        scheduler = Executors.newScheduledThreadPool(pollers.size(), runnable -> {
            Thread thread = new Thread(runnable, "telegram-poller");
            thread.setDaemon(true);
            return thread;
        });
        for (BotPoller poller : pollers) {
            log.info("Telegram bot '{}': long polling started", poller.bot().name());
            schedule(scheduler, poller, Duration.ZERO);
        }
    }

    private void schedule(ScheduledExecutorService executor, BotPoller poller, Duration delay) {
        if (executor.isShutdown()) {
            return;
        }
        executor.schedule(() -> {
            try {
                schedule(executor, poller, poller.pollOnce());
            } catch (InterruptedIOException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // a bug must not end the loop for good; the next round starts after a pause
                log.error("Telegram bot '{}': polling round failed", poller.bot().name(), e);
                schedule(executor, poller, Duration.ofSeconds(5));
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
