package io.switchboard.inbox.conversation;

import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.core.spi.StatusHandler;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Applies delivery reports to outbound messages. A state only ever moves forward
 * ({@link DeliveryState#canMoveTo}), so late or repeated callbacks cannot undo progress.
 */
@Service
class DeliveryStatusService implements StatusHandler {

    private static final Logger log = LoggerFactory.getLogger(DeliveryStatusService.class);

    private final TransactionOperations tx;
    private final MessageRepository messages;
    private final EventPublisher events;

    DeliveryStatusService(TransactionOperations tx, MessageRepository messages, EventPublisher events) {
        this.tx = tx;
        this.messages = messages;
        this.events = events;
    }

    @Override
    public void onStatus(DeliveryStatus status) {
        tx.executeWithoutResult(s -> apply(status)
                .ifPresent(message -> events.publish(InboxEvents.messageStatusChanged(message))));
    }

    /** @return the message when its state changed */
    Optional<MessageView> apply(DeliveryStatus status) {
        Optional<MessageView> found = find(status);
        if (found.isEmpty() || !MessageView.OUTBOUND.equals(found.get().direction())) {
            log.warn("Delivery status {} for unknown outbound message (hub id {}, {} provider id {}) ignored",
                    status.state(), status.hubId(), status.channel(), status.providerId());
            return Optional.empty();
        }
        MessageView current = found.get();
        String providerId = status.providerId() != null ? status.providerId() : current.providerId();
        DeliveryState from = DeliveryState.valueOf(current.status());
        boolean progress = status.state() != null && from.canMoveTo(status.state());
        if (!progress && Objects.equals(providerId, current.providerId())) {
            return Optional.empty();
        }
        String state = progress ? status.state().name() : current.status();
        String error = progress && status.state() == DeliveryState.FAILED ? failure(status) : current.error();
        messages.updateDelivery(current.id(), providerId, state, error, Instant.now());
        return progress ? messages.find(current.id()) : Optional.empty();
    }

    /** By hub id; a provider callback that knows only its own id is matched by channel and provider id. */
    private Optional<MessageView> find(DeliveryStatus status) {
        if (status.hubId() != null) {
            return messages.findForUpdate(status.hubId());
        }
        if (status.channel() == null || status.providerId() == null) {
            return Optional.empty();
        }
        return messages.findOutboundByProviderForUpdate(status.channel(), status.providerId());
    }

    /** Marks a reply FAILED that could not even be queued. */
    void failNow(MessageView message, String reason) {
        onStatus(new DeliveryStatus(message.id(), null, null, DeliveryState.FAILED, reason, Instant.now()));
    }

    private static String failure(DeliveryStatus status) {
        return status.error() == null || status.error().isBlank() ? "Delivery failed (no reason given)" : status.error();
    }
}
