package io.switchboard.core.model;

import java.util.List;

/**
 * What a channel tells us about the thread a message belongs to: the email Message-ID,
 * In-Reply-To, References and Subject, or a conversation token (e.g. from a reply+token address).
 */
public record ThreadHints(String messageId, String inReplyTo, List<String> references, String subject,
                          String conversationToken) {

    public static final ThreadHints NONE = new ThreadHints(null, null, List.of(), null, null);

    public ThreadHints {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
