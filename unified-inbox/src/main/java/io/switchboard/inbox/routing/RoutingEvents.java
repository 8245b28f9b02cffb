package io.switchboard.inbox.routing;

import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.spi.EventPublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/** Routing's events, their data shaped like the REST JSON (published to the outbox in the caller's transaction). */
class RoutingEvents {

    private final EventPublisher events;
    private final LongFunction<Object> conversationJson;

    /** @param conversationJson a conversation as the API shows it, read in the current transaction */
    RoutingEvents(EventPublisher events, LongFunction<Object> conversationJson) {
        this.events = events;
        this.conversationJson = conversationJson;
    }

    /** The conversation as the API shows it. */
    Object conversation(long conversationId) {
        return conversationJson.apply(conversationId);
    }

    /**
     * {@code conversation.assigned}: the conversation (with its new assignee and team), who had it before,
     * who decided ({@code routing} or a username) and why.
     */
    void assigned(long conversationId, String previousAssignee, String by, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation", conversationJson.apply(conversationId));
        data.put("previousAssignee", previousAssignee);
        data.put("by", by);
        data.put("reason", reason);
        events.publish(HubEvent.of(EventType.CONVERSATION_ASSIGNED, data));
    }

    /** {@code conversation.status_changed}, as the conversation feature publishes it. */
    void statusChanged(long conversationId, String previousStatus) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation", conversationJson.apply(conversationId));
        data.put("previousStatus", previousStatus);
        events.publish(HubEvent.of(EventType.CONVERSATION_STATUS_CHANGED, data));
    }
}
