package io.switchboard.inbox.conversation;

import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.inbox.contact.ContactView;
import java.util.LinkedHashMap;
import java.util.Map;

/** The inbox's events, their data shaped like the REST JSON. */
final class InboxEvents {

    private InboxEvents() {
    }

    static HubEvent contactCreated(ContactView contact) {
        return HubEvent.of(EventType.CONTACT_CREATED, Map.of("contact", contact));
    }

    static HubEvent conversationCreated(ConversationView conversation) {
        return HubEvent.of(EventType.CONVERSATION_CREATED, Map.of("conversation", conversation));
    }

    static HubEvent statusChanged(ConversationView conversation, ConversationStatus previous) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation", conversation);
        data.put("previousStatus", previous.wire());
        return HubEvent.of(EventType.CONVERSATION_STATUS_CHANGED, data);
    }

    static HubEvent messageCreated(MessageView message) {
        return HubEvent.of(EventType.MESSAGE_CREATED, messageData(message));
    }

    static HubEvent messageStatusChanged(MessageView message) {
        return HubEvent.of(EventType.MESSAGE_STATUS_CHANGED, messageData(message));
    }

    private static Map<String, Object> messageData(MessageView message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversationId", message.conversationId());
        data.put("message", message);
        return data;
    }
}
