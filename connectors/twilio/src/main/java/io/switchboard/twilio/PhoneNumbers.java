package io.switchboard.twilio;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers in E.164, so one person's SMS and WhatsApp (and any other channel keyed by phone)
 * become one contact. Twilio writes WhatsApp senders as {@code whatsapp:+15551234567}.
 */
final class PhoneNumbers {

    static final String WHATSAPP_PREFIX = "whatsapp:";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(java.util.Locale.ROOT);
    }

    static boolean isWhatsApp(String address) {
        return address != null && address.regionMatches(true, 0, WHATSAPP_PREFIX, 0, WHATSAPP_PREFIX.length());
    }

    static String stripChannel(String address) {
        return isWhatsApp(address) ? address.substring(WHATSAPP_PREFIX.length()) : address;
    }

    /** E.164 of a number that parses as possible, or empty (short codes and alphanumeric senders do not). */
    Optional<String> e164(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber parsed = UTIL.parse(stripChannel(raw).strip(), defaultRegion);
            return UTIL.isPossibleNumber(parsed)
                    ? Optional.of(UTIL.format(parsed, PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** E.164 where possible, else the sender as Twilio wrote it (a short code stays a short code). */
    String normalize(String raw) {
        return e164(raw).orElseGet(() -> stripChannel(raw).strip());
    }
}
