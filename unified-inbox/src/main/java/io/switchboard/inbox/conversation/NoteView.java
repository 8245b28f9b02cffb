package io.switchboard.inbox.conversation;

import java.time.Instant;

/** A private note: visible to agents only, never sent to the customer nor shown in the widget. */
record NoteView(long id, long conversationId, String author, String text, Instant createdAt) {
}
