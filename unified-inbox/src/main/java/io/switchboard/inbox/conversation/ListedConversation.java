package io.switchboard.inbox.conversation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A conversation in the list JSON: its usual fields plus the calling agent's {@code unread} count. */
record ListedConversation(@JsonUnwrapped ConversationView conversation, long unread) {
}
