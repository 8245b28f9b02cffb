package io.switchboard.inbox.contact;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import java.util.Locale;
import java.util.Map;

/**
 * Who a web-chat visitor says they are, read from the context the connector sends. Only the web-chat
 * connector sets {@code user.verified} / {@code user.email_verified}, after checking the site's
 * HMAC signature, and it strips {@code user.*} from what the page sends; other channels' context is
 * never trusted for identity.
 */
record VisitorClaims(String site, String identifier, boolean identifierVerified, String email,
                     boolean emailVerified) {

    static final String IDENTIFIER = "user.identifier";
    static final String EMAIL = "user.email";
    static final String VERIFIED = "user.verified";
    static final String EMAIL_VERIFIED = "user.email_verified";

    static VisitorClaims of(ChannelAddress customer, Map<String, String> context) {
        if (customer.channel() != ChannelType.WEBCHAT) {
            return new VisitorClaims(customer.account(), null, false, null, false);
        }
        String identifier = blankToNull(context.get(IDENTIFIER));
        String email = blankToNull(context.get(EMAIL));
        return new VisitorClaims(customer.account(), identifier,
                identifier != null && "true".equals(context.get(VERIFIED)),
                email == null ? null : email.trim().toLowerCase(Locale.ROOT),
                email != null && "true".equals(context.get(EMAIL_VERIFIED)));
    }

    /** A key the hub may merge on without asking: a signed identifier or a signed e-mail. */
    boolean verified() {
        return identifierVerified || emailVerified;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
