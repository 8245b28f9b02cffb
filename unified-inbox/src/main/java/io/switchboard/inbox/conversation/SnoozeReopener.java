package io.switchboard.inbox.conversation;

import io.switchboard.core.spi.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Reopens snoozed conversations whose time has come. The due time is stored, so a restart (or a
 * node going away) loses nothing: the next poll on any node reopens what is due, each exactly once.
 */
@Component
class SnoozeReopener {

    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(SnoozeReopener.class);

    private final TransactionOperations tx;
    private final LifecycleRepository lifecycle;
    private final ConversationViews views;
    private final EventPublisher events;
    private final Clock clock;

    SnoozeReopener(TransactionOperations tx, LifecycleRepository lifecycle, ConversationViews views,
                   EventPublisher events, Clock clock) {
        this.tx = tx;
        this.lifecycle = lifecycle;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hub.inbox.snooze-poll-interval:30s}",
            initialDelayString = "${hub.inbox.snooze-poll-interval:30s}")
    void poll() {
        try {
            reopenDue();
        } catch (RuntimeException e) {
            log.warn("Reopening snoozed conversations failed, retrying at the next poll: {}", e.getMessage());
        }
    }

    /** @return how many conversations this call reopened */
    int reopenDue() {
        Instant now = clock.instant();
        int reopened = 0;
        for (long id : lifecycle.dueSnoozed(now, BATCH)) {
            Boolean mine = tx.execute(s -> lifecycle.reopenIfDue(id, now));
            if (Boolean.TRUE.equals(mine)) {
                views.find(id).ifPresent(view -> events.publish(InboxEvents.statusChanged(view, ConversationStatus.SNOOZED)));
                reopened++;
            }
        }
        return reopened;
    }
}
