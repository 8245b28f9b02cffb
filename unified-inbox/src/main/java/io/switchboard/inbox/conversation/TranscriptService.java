package io.switchboard.inbox.conversation;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.TranscriptEntry;
import io.switchboard.core.spi.TranscriptProvider;
import io.switchboard.inbox.contact.ContactRepository;
import java.util.List;
import org.springframework.stereotype.Service;

/** The customer's current conversation as the customer sees it (the widget's history). */
@Service
class TranscriptService implements TranscriptProvider {

    private final ContactRepository contacts;
    private final ConversationRepository conversations;
    private final MessageRepository messages;

    TranscriptService(ContactRepository contacts, ConversationRepository conversations, MessageRepository messages) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.messages = messages;
    }

    @Override
    public List<TranscriptEntry> transcript(ChannelAddress customer, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return contacts.findByIdentity(customer)
                .flatMap(conversations::findCurrent)
                // the widget shows its own channel's messages, not e.g. a transcript sent by email
                .map(c -> messages.lastOfConversation(c.id(), limit).stream()
                        .filter(m -> customer.channel().name().equals(m.channel()))
                        .map(TranscriptService::entry).toList())
                .orElse(List.of());
    }

    private static TranscriptEntry entry(MessageView m) {
        boolean inbound = MessageView.INBOUND.equals(m.direction());
        return new TranscriptEntry(m.id(),
                inbound ? TranscriptEntry.Direction.INBOUND : TranscriptEntry.Direction.OUTBOUND,
                m.text(), m.author(), inbound ? null : DeliveryState.valueOf(m.status()), m.createdAt());
    }
}
