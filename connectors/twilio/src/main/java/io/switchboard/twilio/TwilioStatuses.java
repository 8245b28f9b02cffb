package io.switchboard.twilio;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.twilio.WebhookVerifier.Verified;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Twilio's status callback → {@link DeliveryStatus}. Each callback is reported as it comes; the
 * inbox keeps the state from moving backwards when callbacks overtake each other.
 */
final class TwilioStatuses {

    /** What the agent reads for the errors customers run into most. */
    private static final Map<String, String> ERRORS = Map.of(
            "30003", "Unreachable destination handset: the phone is switched off or out of coverage",
            "30004", "Message blocked: the recipient blocked messages from this number",
            "30005", "Unknown destination handset: the number does not exist or is no longer in service",
            "30006", "Landline or unreachable carrier: the number cannot receive text messages",
            "30007", "Carrier filtered the message as spam or unwanted",
            "30008", "Unknown error from the carrier",
            "63016", "Outside the WhatsApp 24-hour window: send an approved template instead",
            "21610", "The recipient has opted out (replied STOP); they must reply START to receive messages");

    private final Clock clock;

    TwilioStatuses(Clock clock) {
        this.clock = clock;
    }

    /** Empty for statuses that say nothing about delivery (receiving, received). */
    Optional<DeliveryStatus> map(Verified callback) {
        String sid = callback.param("MessageSid");
        String status = callback.param("MessageStatus");
        if (sid == null || status == null) {
            throw new WebhookRefusal(HttpStatus.BAD_REQUEST, "MessageSid and MessageStatus are required");
        }
        ChannelType channel = PhoneNumbers.isWhatsApp(callback.param("To"))
                || PhoneNumbers.isWhatsApp(callback.param("From")) ? ChannelType.WHATSAPP : ChannelType.SMS;
        return state(status).map(state -> new DeliveryStatus(null, channel, sid, state,
                state == DeliveryState.FAILED ? error(callback.param("ErrorCode"), status) : null, clock.instant()));
    }

    static Optional<DeliveryState> state(String status) {
        return Optional.ofNullable(switch (status.toLowerCase(Locale.ROOT)) {
            case "accepted", "scheduled", "queued" -> DeliveryState.QUEUED;
            case "sending", "sent" -> DeliveryState.SENT;
            case "delivered", "partially_delivered" -> DeliveryState.DELIVERED;
            case "read" -> DeliveryState.READ;
            case "failed", "undelivered", "canceled" -> DeliveryState.FAILED;
            default -> null;
        });
    }

    static String error(String code, String status) {
        if (code == null) {
            return "Twilio reports the message as " + status + " (no error code)";
        }
        String text = ERRORS.get(code);
        String more = " (https://www.twilio.com/docs/api/errors/" + code + ")";
        return text == null ? "Twilio error " + code + more : "Twilio error " + code + ": " + text + more;
    }
}
