package io.switchboard.inbox.conversation;

import io.switchboard.inbox.contact.ContactView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A conversation as the API and events show it. {@code status} is lowercase; {@code snoozedUntil} is
 * set while snoozed; {@code priority} is null or one of {@link Priority}'s lowercase names.
 */
record ConversationView(long id, String status, ContactView contact, String lastChannel, Map<String, String> context,
                        Instant createdAt, Instant updatedAt, Instant lastMessageAt, String preview,
                        String priority, Instant snoozedUntil, List<String> labels) {

    static final int PREVIEW_LENGTH = 140;

    static ConversationView of(ConversationRecord c, ContactView contact, Map<String, String> context,
                               LifecycleRepository.Extras extras) {
        return new ConversationView(c.id(), c.status().wire(), contact, c.lastChannel(), context, c.createdAt(),
                c.updatedAt(), c.lastMessageAt(), preview(c.lastText()), extras.priority(), extras.snoozedUntil(),
                extras.labels());
    }

    private static String preview(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= PREVIEW_LENGTH ? flat : flat.substring(0, PREVIEW_LENGTH - 1) + "…";
    }
}
