package io.switchboard.email;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.ChannelPolicy;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Email has no reply window. A reply is refused before sending when it has nothing to send, when
 * the customer's address is not a valid address, or when text and attachments together exceed
 * the size most mail servers accept.
 */
final class EmailPolicy implements ChannelPolicy {

    private final Mailboxes mailboxes;
    private final long maxMessageBytes;

    EmailPolicy(Mailboxes mailboxes, long maxMessageBytes) {
        this.mailboxes = mailboxes;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public ChannelType channel() {
        return ChannelType.EMAIL;
    }

    @Override
    public boolean appliesTo(ChannelAddress target) {
        return target.channel() == ChannelType.EMAIL && mailboxes.find(target.account()).isPresent();
    }

    @Override
    public Optional<PolicyRefusal> check(OutboundMessage message, Instant lastInboundAt) {
        boolean hasText = message.text() != null && !message.text().isBlank()
                || message.html() != null && !message.html().isBlank();
        if (!hasText && message.attachments().isEmpty()) {
            return Optional.of(new PolicyRefusal("empty", "The reply has no text and no attachment. Write something."));
        }
        try {
            new InternetAddress(message.target().address(), true).validate();
        } catch (AddressException invalid) {
            return Optional.of(new PolicyRefusal("invalid_address", "\"" + message.target().address()
                    + "\" is not a valid email address. Correct the contact's email address."));
        }
        long total = size(message);
        if (total > maxMessageBytes) {
            return Optional.of(new PolicyRefusal("too_large", "The reply is " + AttachmentSaver.size(total)
                    + "; email allows at most " + AttachmentSaver.size(maxMessageBytes)
                    + ". Remove attachments or send them in separate replies."));
        }
        return Optional.empty();
    }

    /** Bytes of text and attachments; base64 makes attachments a third larger on the wire. */
    private static long size(OutboundMessage message) {
        long total = message.text() == null ? 0 : message.text().getBytes(StandardCharsets.UTF_8).length * 2L;
        for (AttachmentRef attachment : message.attachments()) {
            total += attachment.size() * 4 / 3;
        }
        return total;
    }
}
