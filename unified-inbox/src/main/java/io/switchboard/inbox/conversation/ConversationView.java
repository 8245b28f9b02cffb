package io.switchboard.inbox.conversation;

import io.switchboard.inbox.contact.ContactView;
import java.time.Instant;
import java.util.Map;

/** A conversation as the API and events show it. {@code status} is lowercase. */
record ConversationView(long id, String status, ContactView contact, String lastChannel, Map<String, String> context,
                        Instant createdAt, Instant updatedAt, Instant lastMessageAt, String preview) {

    static final int PREVIEW_LENGTH = 140;

    static ConversationView of(ConversationRecord c, ContactView contact, Map<String, String> context) {
        return new ConversationView(c.id(), c.status().wire(), contact, c.lastChannel(), context, c.createdAt(),
                c.updatedAt(), c.lastMessageAt(), preview(c.lastText()));
    }

    private static String preview(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= PREVIEW_LENGTH ? flat : flat.substring(0, PREVIEW_LENGTH - 1) + "…";
    }
}
