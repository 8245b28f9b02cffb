package io.switchboard.twilio;

import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.BusUnavailableException;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.InboundRejectedException;
import io.switchboard.core.spi.StatusReporter;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks: verify the signature, normalize, hand to the bus, and only then answer Twilio
 * with an empty TwiML response (so Twilio sends no auto-reply).
 */
@RestController
final class TwilioWebhookController {

    static final String MESSAGES = "/webhooks/twilio/messages";
    static final String STATUS = "/webhooks/twilio/status";
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);
    private static final MediaType TEXT_XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final WebhookVerifier verifier;
    private final InboundMapper mapper;
    private final TwilioStatuses statuses;
    private final InboundGateway gateway;
    private final StatusReporter reporter;

    TwilioWebhookController(WebhookVerifier verifier, InboundMapper mapper, TwilioStatuses statuses,
                            InboundGateway gateway, StatusReporter reporter) {
        this.verifier = verifier;
        this.mapper = mapper;
        this.statuses = statuses;
        this.gateway = gateway;
        this.reporter = reporter;
    }

    @PostMapping(MESSAGES)
    ResponseEntity<String> message(HttpServletRequest request) {
        InboundMessage message = mapper.map(verifier.verify(request));
        gateway.accept(message);
        return twiml();
    }

    @PostMapping(STATUS)
    ResponseEntity<String> status(HttpServletRequest request) {
        statuses.map(verifier.verify(request)).ifPresent(reporter::report);
        return twiml();
    }

    @ExceptionHandler(WebhookRefusal.class)
    ResponseEntity<String> refused(WebhookRefusal refusal, HttpServletRequest request) {
        log.warn("Twilio webhook {} refused with {}: {}", request.getRequestURI(), refusal.status().value(),
                refusal.getMessage());
        return plain(refusal.status(), refusal.getMessage());
    }

    @ExceptionHandler(InboundRejectedException.class)
    ResponseEntity<String> rejected(InboundRejectedException rejected) {
        log.warn("Twilio message rejected by the hub: {}", rejected.getMessage());
        HttpStatus status = rejected.reason() == InboundRejectedException.Reason.TOO_LARGE
                ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return plain(status, rejected.getMessage());
    }

    @ExceptionHandler(BusUnavailableException.class)
    ResponseEntity<String> unavailable(BusUnavailableException unavailable) {
        log.error("Twilio message not stored, Twilio may retry: {}", unavailable.getMessage());
        return plain(HttpStatus.SERVICE_UNAVAILABLE, "the hub could not store the message; retry later");
    }

    private static ResponseEntity<String> twiml() {
        return ResponseEntity.ok().contentType(TEXT_XML).body(EMPTY_TWIML);
    }

    private static ResponseEntity<String> plain(HttpStatus status, String reason) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(reason);
    }
}
