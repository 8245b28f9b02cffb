package io.switchboard.inbox.conversation;

import io.switchboard.core.model.ChannelType;
import io.switchboard.inbox.api.ApiException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Which conversations a list shows: statuses, plus optional free text (contact name, an identity's
 * address, any message's text; case-insensitive), a channel (a message on it), a label, and who has it
 * (assignee, team).
 */
record ConversationFilter(Collection<ConversationStatus> statuses, String q, String channel, String label,
                          ConversationRepository.ListFilter routing, int limit) {

    static final int MAX_QUERY = 200;

    static ConversationFilter of(Collection<ConversationStatus> statuses, String q, String channel, String label,
                                 ConversationRepository.ListFilter routing, int limit) {
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > MAX_QUERY) {
            throw ApiException.invalid("q is longer than " + MAX_QUERY + " characters");
        }
        String type = null;
        if (channel != null && !channel.isBlank()) {
            try {
                type = ChannelType.valueOf(channel.strip().toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("channel must be one of " + Arrays.toString(ChannelType.values()));
            }
        }
        String tag = label == null || label.isBlank() ? null : label.strip().toLowerCase(Locale.ROOT);
        return new ConversationFilter(statuses, text, type, tag,
                routing == null ? ConversationRepository.ListFilter.ANY : routing, limit);
    }

    /** {@code q} as a LIKE pattern with {@code !} escaping the wildcards, lowercased. */
    String likePattern() {
        String escaped = q.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
