package io.switchboard.core.routing;

import io.switchboard.core.bus.BusProperties;
import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.InboundRejectedException;
import io.switchboard.core.spi.InboundRejectedException.Reason;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The inbound pipeline's first step: required fields and size limits, then defaults filled in. */
final class InboundValidator {

    private static final int MAX_ID_LENGTH = 512;

    private final BusProperties.Limits limits;

    InboundValidator(BusProperties.Limits limits) {
        this.limits = limits;
    }

    InboundMessage validate(InboundMessage m) {
        if (m == null) {
            throw invalid("message is missing");
        }
        if (m.customer() == null || blank(m.customer().address())) {
            throw invalid("customer address is required");
        }
        requireShort("customer address", m.customer().address());
        requireShort("account", m.customer().account());
        if (blank(m.providerMessageId())) {
            throw invalid("provider message id is required (it is the dedupe key)");
        }
        requireShort("provider message id", m.providerMessageId());
        boolean hasContent = !blank(m.text()) || !blank(m.html()) || !m.attachments().isEmpty();
        if (!hasContent) {
            throw invalid("message has no text, HTML or attachment");
        }
        if (m.text() != null && m.text().length() > limits.maxTextLength()) {
            throw tooLarge("text is " + m.text().length() + " characters; the limit is " + limits.maxTextLength());
        }
        if (m.html() != null && m.html().length() > limits.maxHtmlLength()) {
            throw tooLarge("HTML is " + m.html().length() + " characters; the limit is " + limits.maxHtmlLength());
        }
        if (m.attachments().size() > limits.maxAttachments()) {
            throw tooLarge(m.attachments().size() + " attachments; the limit is " + limits.maxAttachments());
        }
        for (AttachmentRef a : m.attachments()) {
            if (a == null || blank(a.storageKey())) {
                throw invalid("every attachment needs a storage key (bytes never travel on the bus)");
            }
        }
        validateContext(m.context());
        Instant now = Instant.now();
        return new InboundMessage(m.hubId() == null ? UUID.randomUUID() : m.hubId(), m.customer(), m.displayName(),
                m.providerMessageId(), m.thread(), m.text(), m.html(), m.attachments(),
                m.occurredAt() == null ? now : m.occurredAt(), m.receivedAt() == null ? now : m.receivedAt(),
                m.context(), m.rawRef());
    }

    void validateContext(Map<String, String> context) {
        if (context.size() > limits.maxContextEntries()) {
            throw tooLarge("context has " + context.size() + " entries; the limit is " + limits.maxContextEntries());
        }
        context.forEach((key, value) -> {
            if (value != null && value.length() > limits.maxContextValueLength()) {
                throw tooLarge("context value '" + key + "' is " + value.length() + " characters; the limit is "
                        + limits.maxContextValueLength());
            }
        });
    }

    private static void requireShort(String what, String value) {
        if (value != null && value.length() > MAX_ID_LENGTH) {
            throw invalid(what + " is longer than " + MAX_ID_LENGTH + " characters");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static InboundRejectedException invalid(String reason) {
        return new InboundRejectedException(Reason.INVALID, reason);
    }

    private static InboundRejectedException tooLarge(String reason) {
        return new InboundRejectedException(Reason.TOO_LARGE, reason);
    }
}
