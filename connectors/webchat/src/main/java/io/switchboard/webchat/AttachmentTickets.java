package io.switchboard.webchat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.model.AttachmentRef;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signed, self-contained references to a stored file, bound to one visitor:
 * {@code base64url(json{purpose, visitor, key, name, type, size}) "." hmac}. An upload answers with
 * an {@link Purpose#UPLOAD} ticket that only the same visitor's {@code message} frame can use; a
 * file an agent sends reaches the widget as a {@link Purpose#DOWNLOAD} ticket in its download link.
 * Stateless, so any hub node with the same session secret accepts them.
 */
final class AttachmentTickets {

    enum Purpose { UPLOAD, DOWNLOAD }

    static final int MAX_LENGTH = 2000;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final VisitorTokens signer;
    private final ObjectMapper json;

    AttachmentTickets(VisitorTokens tokens, ObjectMapper json) {
        this.signer = tokens.derive("attachment-tickets");
        this.json = json;
    }

    String issue(Purpose purpose, String visitorId, AttachmentRef ref) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("p", purpose.name());
        body.put("v", visitorId);
        body.put("k", ref.storageKey());
        body.put("n", ref.name());
        body.put("t", ref.contentType());
        body.put("s", ref.size());
        try {
            String payload = ENCODER.encodeToString(json.writeValueAsBytes(body));
            return payload + "." + signer.sign(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an attachment ticket", e);
        }
    }

    /** The file a ticket names, when its signature is ours and it was issued for this purpose and visitor. */
    Optional<AttachmentRef> redeem(Purpose purpose, String visitorId, String ticket) {
        if (ticket == null || ticket.length() > MAX_LENGTH || visitorId == null) {
            return Optional.empty();
        }
        Optional<Ticket> read = read(ticket);
        return read.filter(t -> t.purpose() == purpose && visitorId.equals(t.visitorId())).map(Ticket::ref);
    }

    /** A download ticket's file and visitor, when the signature is ours. */
    Optional<Ticket> readDownload(String ticket) {
        if (ticket == null || ticket.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return read(ticket).filter(t -> t.purpose() == Purpose.DOWNLOAD);
    }

    private Optional<Ticket> read(String ticket) {
        int dot = ticket.indexOf('.');
        if (dot <= 0 || !signer.isValid(ticket.substring(0, dot), ticket.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            JsonNode body = json.readTree(Base64.getUrlDecoder().decode(ticket.substring(0, dot)));
            Purpose purpose = Purpose.valueOf(body.path("p").asText());
            AttachmentRef ref = new AttachmentRef(body.path("n").asText(), body.path("t").asText(),
                    body.path("s").asLong(), body.path("k").asText());
            return Optional.of(new Ticket(purpose, body.path("v").asText(), ref));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty(); // signed by us, so only a bug gets here; refuse rather than guess
        }
    }

    record Ticket(Purpose purpose, String visitorId, AttachmentRef ref) {
    }
}
