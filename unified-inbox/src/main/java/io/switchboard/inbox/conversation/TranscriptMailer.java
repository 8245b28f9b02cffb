package io.switchboard.inbox.conversation;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.inbox.api.ApiException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Emails a resolved web-chat conversation to the visitor, when enabled and they gave an address. */
@Component
class TranscriptMailer {

    private static final Logger log = LoggerFactory.getLogger(TranscriptMailer.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final TranscriptProperties properties;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ReplyService replies;

    TranscriptMailer(TranscriptProperties properties, ConversationRepository conversations,
                     MessageRepository messages, ReplyService replies) {
        this(properties, conversations, messages, replies, null);
    }

    /** {@code emailTranscriptMailbox}: the email connector's hub.channels.email.transcript-mailbox, the fallback. */
    @Autowired
    TranscriptMailer(TranscriptProperties properties, ConversationRepository conversations,
                     MessageRepository messages, ReplyService replies,
                     @Value("${hub.channels.email.transcript-mailbox:}")
                     String emailTranscriptMailbox) {
        if ((properties.mailbox() == null || properties.mailbox().isBlank()) && emailTranscriptMailbox != null
                && !emailTranscriptMailbox.isBlank()) {
            properties = new TranscriptProperties(properties.enabled(), emailTranscriptMailbox, properties.subject());
        }
        this.properties = properties;
        this.conversations = conversations;
        this.messages = messages;
        this.replies = replies;
        if (properties.enabled() && (properties.mailbox() == null || properties.mailbox().isBlank())) {
            throw new IllegalStateException("hub.inbox.transcripts.enabled is true but hub.inbox.transcripts.mailbox"
                    + " is not set: name the email connector mailbox address that sends transcripts");
        }
    }

    void onResolved(long conversationId) {
        if (!properties.enabled()) {
            return;
        }
        ConversationRecord conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null || !ChannelType.WEBCHAT.name().equals(conversation.lastChannel())) {
            return;
        }
        String email = ContextJson.read(conversation.contextJson()).get("user.email");
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            return;
        }
        ChannelAddress to = new ChannelAddress(ChannelType.EMAIL, properties.mailbox().trim().toLowerCase(),
                email.trim().toLowerCase());
        try {
            replies.system(conversationId, to, transcript(conversationId), properties.subject(), "Switchboard");
        } catch (ApiException refused) {
            log.warn("Transcript of conversation {} not emailed: {}", conversationId, refused.getMessage());
        }
    }

    private String transcript(long conversationId) {
        StringBuilder out = new StringBuilder("Here is a copy of your conversation with us.\n\n");
        for (MessageView m : messages.ofConversation(conversationId)) {
            if (!ChannelType.WEBCHAT.name().equals(m.channel()) || m.text() == null) {
                continue;
            }
            String who = MessageView.INBOUND.equals(m.direction()) ? "You" : (m.author() == null ? "Us" : m.author());
            out.append('[').append(TIME.format(m.createdAt())).append("] ").append(who).append(": ")
                    .append(m.text()).append('\n');
        }
        return out.toString();
    }
}
