package io.switchboard.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.spi.BusUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /webhooks/meta}: the subscription handshake (GET) and event batches (POST). The POST body is read as
 * raw bytes and its signature checked before anything parses it; the answer is 200 only after every message
 * of the batch is stored on the bus.
 */
@RestController
final class MetaWebhookController {

    static final String PATH = "/webhooks/meta";
    /** Meta's batches are a few KB; a cap keeps unauthenticated requests from filling memory. */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(MetaWebhookController.class);

    private final MetaSignature signature;
    private final String verifyToken;
    private final ObjectMapper json;
    private final MetaWebhookHandler handler;

    MetaWebhookController(MetaSignature signature, String verifyToken, ObjectMapper json, MetaWebhookHandler handler) {
        this.signature = signature;
        this.verifyToken = verifyToken;
        this.json = json;
        this.handler = handler;
    }

    @GetMapping(PATH)
    ResponseEntity<String> handshake(@RequestParam(name = "hub.mode", required = false) String mode,
                                     @RequestParam(name = "hub.verify_token", required = false) String token,
                                     @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if ("subscribe".equals(mode) && challenge != null && MetaSignature.sameSecret(verifyToken, token)) {
            log.info("Meta webhook subscription verified");
            return text(HttpStatus.OK, challenge);
        }
        log.warn("Meta webhook handshake refused (hub.mode={}, verify token {}): check hub.channels.meta.verify-token",
                mode, token == null ? "missing" : "wrong");
        return text(HttpStatus.FORBIDDEN, "verification failed");
    }

    @PostMapping(PATH)
    ResponseEntity<String> receive(@RequestHeader(name = MetaSignature.HEADER, required = false) String signed,
                                   HttpServletRequest request) throws IOException {
        byte[] body = readRaw(request);
        if (body.length > MAX_BODY_BYTES) {
            return text(HttpStatus.PAYLOAD_TOO_LARGE, "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (!signature.verify(body, signed)) {
            log.warn("Meta webhook refused: {} {} (check hub.channels.meta.app-secret)", MetaSignature.HEADER,
                    signed == null ? "missing" : "does not match the body");
            return text(HttpStatus.FORBIDDEN, "invalid signature");
        }
        try {
            handler.handle(parse(body));
        } catch (MalformedPayloadException e) {
            log.warn("Meta webhook with a valid signature refused as malformed: {}", e.getMessage());
            return text(HttpStatus.BAD_REQUEST, "malformed payload: " + e.getMessage());
        } catch (BusUnavailableException | GraphException | UncheckedIOException e) {
            // Nothing is acknowledged: Meta sends the batch again, and what was already stored is deduplicated by mid.
            log.warn("Meta webhook not accepted, Meta will retry: {}", e.getMessage());
            return text(HttpStatus.SERVICE_UNAVAILABLE, "temporarily unavailable, retry later");
        }
        return text(HttpStatus.OK, "EVENT_RECEIVED");
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readRaw(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(MAX_BODY_BYTES + 1);
        }
    }

    private static ResponseEntity<String> text(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
