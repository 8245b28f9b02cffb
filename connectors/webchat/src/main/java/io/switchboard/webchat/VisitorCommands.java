package io.switchboard.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.model.TranscriptEntry;
import io.switchboard.core.spi.BusUnavailableException;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.InboundRejectedException;
import io.switchboard.core.spi.TranscriptProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/** What each visitor frame does: hello, message (with text and/or uploaded files), context and identify. */
final class VisitorCommands {

    static final int MAX_CLIENT_ID = 100;
    static final int MAX_IDENTITY_FIELD = 320;
    static final int MAX_ATTACHMENTS = 5;
    static final String DEPARTMENT = "department";

    private static final Logger log = LoggerFactory.getLogger(VisitorCommands.class);

    private final WebchatProperties properties;
    private final VisitorTokens tokens;
    private final VisitorRegistry registry;
    private final InboundGateway gateway;
    private final ObjectProvider<TranscriptProvider> transcripts;
    private final Frames frames;
    private final IdentityVerifier verifier;
    private final AttachmentTickets tickets;
    private final VisitorAvailability availability;

    VisitorCommands(WebchatProperties properties, VisitorTokens tokens, VisitorRegistry registry,
                    InboundGateway gateway, ObjectProvider<TranscriptProvider> transcripts, Frames frames,
                    AttachmentTickets tickets, VisitorAvailability availability) {
        this.verifier = new IdentityVerifier(properties);
        this.tickets = tickets;
        this.availability = availability;
        this.properties = properties;
        this.tokens = tokens;
        this.registry = registry;
        this.gateway = gateway;
        this.transcripts = transcripts;
        this.frames = frames;
    }

    void hello(VisitorSession session, JsonNode frame) throws IOException {
        String claimedId = Frames.optionalString(frame, "visitorId", 200, "malformed");
        String token = Frames.optionalString(frame, "token", 200, "malformed");
        Map<String, String> context = Frames.context(frame);
        String visitorId = tokens.isValid(claimedId, token) ? claimedId : UUID.randomUUID().toString();
        registry.unregister(session);
        session.greeted(visitorId);
        session.mergeContext(context);
        registry.register(session);
        session.send(frames.welcome(visitorId, tokens.sign(visitorId), history(session.customer(properties.account())),
                availability.forVisitor(session.fullContext()), availability.departments()));
        if (!context.isEmpty()) {
            updateContext(session);
        }
    }

    void message(VisitorSession session, JsonNode frame) throws IOException {
        String clientId = Frames.optionalString(frame, "clientId", Integer.MAX_VALUE, "malformed");
        requireReady(session, clientId);
        if (clientId == null || clientId.isBlank() || clientId.length() > MAX_CLIENT_ID) {
            throw new FrameException("malformed", "A message needs a \"clientId\" of 1 to " + MAX_CLIENT_ID
                    + " characters that you generate, so a resent message is stored once.", null);
        }
        List<AttachmentRef> attachments = attachmentsOf(session, frame, clientId);
        String text = textOf(frame, clientId, !attachments.isEmpty());
        InboundMessage message = inbound(session, clientId, text, attachments);
        accept(message, clientId);
        session.send(frames.ack(clientId, message.hubId()));
    }

    /** Merges the page context; a department choice is answered with that team's availability. */
    void context(VisitorSession session, JsonNode frame) throws IOException {
        Map<String, String> context = Frames.context(frame);
        requireReady(session, null);
        session.mergeContext(context);
        updateContext(session);
        if (context.containsKey(DEPARTMENT)) {
            session.send(frames.availability(availability.forVisitor(session.fullContext())));
        }
    }

    void identify(VisitorSession session, JsonNode frame) throws IOException {
        String identifier = Frames.optionalString(frame, "identifier", MAX_IDENTITY_FIELD, "too_large");
        String name = Frames.optionalString(frame, "name", MAX_IDENTITY_FIELD, "too_large");
        String email = Frames.optionalString(frame, "email", MAX_IDENTITY_FIELD, "too_large");
        String identifierHash = Frames.optionalString(frame, "identifierHash", MAX_IDENTITY_FIELD, "too_large");
        String emailHash = Frames.optionalString(frame, "emailHash", MAX_IDENTITY_FIELD, "too_large");
        requireReady(session, null);
        IdentityVerifier.Result verified = verifier.check(
                new IdentityVerifier.Claim(identifier, identifierHash, email, emailHash));
        session.identify(identifier, name, email, verified.identifierVerified(), verified.emailVerified());
        updateContext(session);
        session.send(frames.identified(verified.identifierVerified()));
    }

    static void requireReady(VisitorSession session, String clientId) {
        if (!session.ready()) {
            throw new FrameException("not_ready", "Send a \"hello\" frame first and wait for \"welcome\".", clientId);
        }
    }

    /**
     * The files of a message: tickets from {@code POST /webchat/uploads} issued to this visitor. A ticket
     * of another visitor, a forged or a download ticket is refused, so nobody can send someone else's file.
     */
    private List<AttachmentRef> attachmentsOf(VisitorSession session, JsonNode frame, String clientId) {
        JsonNode value = frame.get("attachments");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new FrameException("malformed", "\"attachments\" must be an array of upload tickets.", clientId);
        }
        if (value.size() > MAX_ATTACHMENTS) {
            throw new FrameException("too_large", "A message may carry at most " + MAX_ATTACHMENTS
                    + " files; send the others in another message.", clientId);
        }
        List<AttachmentRef> refs = new ArrayList<>();
        for (JsonNode ticket : value) {
            refs.add(tickets.redeem(AttachmentTickets.Purpose.UPLOAD, session.visitorId(),
                    ticket.isTextual() ? ticket.textValue() : null).orElseThrow(() -> new FrameException(
                    "invalid_attachment", "An attachment is not one this visitor uploaded; upload the file"
                    + " again (POST /webchat/uploads) and send the ticket it returns.", clientId)));
        }
        return refs;
    }

    private String textOf(JsonNode frame, String clientId, boolean hasAttachments) {
        JsonNode value = frame.get("text");
        if (hasAttachments && (value == null || value.isNull() || value.isTextual() && value.textValue().isBlank())) {
            return null;
        }
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new FrameException("malformed", "A message needs a non-empty \"text\" string"
                    + " or \"attachments\".", clientId);
        }
        String text = value.textValue();
        if (text.length() > properties.maxTextLength()) {
            throw new FrameException("too_large", "The message is longer than " + properties.maxTextLength()
                    + " characters; shorten it or send it in several parts.", clientId);
        }
        return text;
    }

    private InboundMessage inbound(VisitorSession session, String clientId, String text,
                                   List<AttachmentRef> attachments) {
        Instant now = Instant.now();
        return new InboundMessage(hubId(session.visitorId(), clientId), session.customer(properties.account()),
                session.displayName(), session.visitorId() + ":" + clientId, null, text, null, attachments,
                now, now, session.fullContext(), null);
    }

    /**
     * The same visitor and clientId always get the same hub id, so the ack of a resent message names
     * the message the inbox stored the first time (the bus drops the duplicate).
     */
    private UUID hubId(String visitorId, String clientId) {
        String name = "webchat:" + properties.account() + ":" + visitorId + ":" + clientId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private void accept(InboundMessage message, String clientId) {
        try {
            gateway.accept(message);
        } catch (InboundRejectedException e) {
            String code = e.reason() == InboundRejectedException.Reason.TOO_LARGE ? "too_large" : "invalid";
            throw new FrameException(code, "The message was refused: " + e.getMessage(), clientId);
        } catch (BusUnavailableException e) {
            log.warn("Web-chat message {} not stored: {}", message.providerMessageId(), e.getMessage());
            throw unavailable(clientId);
        } catch (RuntimeException e) {
            log.error("Web-chat message {} not stored", message.providerMessageId(), e);
            throw unavailable(clientId);
        }
    }

    private static FrameException unavailable(String clientId) {
        return new FrameException("unavailable",
                "The message was not stored, please retry in a moment (resend it with the same clientId).", clientId);
    }

    private List<TranscriptEntry> history(ChannelAddress customer) {
        TranscriptProvider provider = transcripts.getIfAvailable();
        if (provider == null || properties.historyLimit() == 0) {
            return List.of();
        }
        try {
            List<TranscriptEntry> entries = provider.transcript(customer, properties.historyLimit());
            int size = entries == null ? 0 : entries.size();
            return size <= properties.historyLimit() ? (entries == null ? List.of() : entries)
                    : entries.subList(size - properties.historyLimit(), size);
        } catch (RuntimeException e) {
            // The visitor can still chat without history; the messages are safe in the inbox.
            log.warn("Web-chat history for {} not available: {}", customer.key(), e.getMessage());
            return List.of();
        }
    }

    private void updateContext(VisitorSession session) {
        try {
            gateway.updateContext(new ContextUpdate(session.customer(properties.account()), session.fullContext(),
                    Instant.now()));
        } catch (RuntimeException e) {
            log.debug("Web-chat context update not published: {}", e.getMessage());
        }
    }
}
