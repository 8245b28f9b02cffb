package io.switchboard.twilio;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers in E.164, so one person's SMS and WhatsApp (and any other channel keyed by phone)
 * become one contact. Twilio writes WhatsApp senders as {@code whatsapp:+15551234567}.
 *
 * <p>Parsing is the costliest step of reading a webhook (libphonenumber runs a dozen regular
 * expressions per number) and the same numbers come back all the time — ours on every webhook, a
 * customer's on each of their messages — so results are kept in a bounded cache.
 */
final class PhoneNumbers {

    static final String WHATSAPP_PREFIX = "whatsapp:";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Numbers whose E.164 form is kept; a few hundred bytes each. */
    static final int CACHED_NUMBERS = 10_000;

    private final String defaultRegion;
    private final Cache<String, Optional<String>> known = Caffeine.newBuilder().maximumSize(CACHED_NUMBERS).build();

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
        return known.get(stripChannel(raw).strip(), this::parse);
    }

    private Optional<String> parse(String number) {
        try {
            PhoneNumber parsed = UTIL.parse(number, defaultRegion);
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
