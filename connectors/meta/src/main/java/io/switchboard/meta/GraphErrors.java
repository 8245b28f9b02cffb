package io.switchboard.meta;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.spi.PermanentSendException;

/**
 * Turns a Graph API refusal into what the dispatcher needs: transient failures (unreachable, 5xx, 429, rate
 * limits 4/17/32/613…) are rethrown as they are and retried with backoff; everything else becomes a
 * {@link PermanentSendException} whose message tells the agent what happened and what to do.
 */
final class GraphErrors {

    private GraphErrors() {
    }

    static RuntimeException toSendFailure(GraphException e, ChannelType channel, String tokenProperty) {
        if (e.isTransient()) {
            return e;
        }
        return new PermanentSendException(reason(e, channel, tokenProperty) + " [Graph error " + codes(e) + "]", e);
    }

    static String reason(GraphException e, ChannelType channel, String tokenProperty) {
        String product = label(channel);
        if (e.is(10, 2018278)) {
            return product + " refused the reply: it is outside the 24-hour window since the customer's last message. "
                    + "Wait until the customer writes again, or reach them on another channel";
        }
        if (e.is(551, null) || e.is(10, 1545041)) {
            return "The customer is not available on " + product + " right now (they blocked messages from us, "
                    + "deleted their account, or cannot be reached)";
        }
        if (e.is(131047, null)) {
            return "More than 24 hours have passed since the customer last wrote on WhatsApp: send an approved "
                    + "template instead";
        }
        if (e.is(190, null)) {
            return "Meta rejected the access token (expired or revoked): create a new token and set " + tokenProperty
                    + ", then restart the hub";
        }
        if (e.is(100, 2018001) || e.is(131026, null) || e.is(131030, null)) {
            return product + " cannot deliver to this customer: " + orDefault(e.graphMessage(), "recipient not found");
        }
        if (e.is(132000, null) || e.is(132001, null) || e.is(132005, null) || e.is(132007, null)
                || e.is(132012, null) || e.is(132015, null) || e.is(132016, null)) {
            return "WhatsApp refused the template: " + orDefault(e.graphMessage(), "template or its parameters "
                    + "do not match what Meta approved") + ". Check the template's name, language and variables";
        }
        if (e.is(200, null) || e.is(10, null) || e.is(3, null) || e.is(299, null)) {
            return "The Meta app lacks a permission for this: " + orDefault(e.graphMessage(), "permission denied")
                    + ". An admin must grant it (App Review) or use a token that has it";
        }
        return product + " refused the message: " + orDefault(e.graphMessage(), "HTTP " + e.status());
    }

    private static String codes(GraphException e) {
        if (e.code() == null) {
            return "HTTP " + e.status();
        }
        return e.code() + (e.subcode() == null ? "" : "/" + e.subcode());
    }

    private static String label(ChannelType channel) {
        return switch (channel) {
            case MESSENGER -> "Messenger";
            case INSTAGRAM -> "Instagram";
            default -> "WhatsApp";
        };
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
