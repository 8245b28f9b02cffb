package io.switchboard.inbox.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Chat transcripts by email ({@code hub.inbox.transcripts.*}): when a web-chat conversation is
 * resolved and the visitor gave an email address (widget {@code setUser}), the conversation is
 * emailed to them from {@code mailbox}, one of the email connector's mailboxes.
 *
 * @param enabled send transcripts (needs the email connector)
 * @param mailbox the address of the mailbox that sends them
 * @param subject the email's subject
 */
@ConfigurationProperties("hub.inbox.transcripts")
record TranscriptProperties(@DefaultValue("false") boolean enabled, String mailbox,
                            @DefaultValue("Your chat transcript") String subject) {
}
