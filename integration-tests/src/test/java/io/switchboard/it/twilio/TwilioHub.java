package io.switchboard.it.twilio;

import io.switchboard.it.Hub;
import java.nio.file.Path;
import java.util.Map;

/**
 * A whole hub with the Twilio connector on: one account with one number that sends SMS and WhatsApp
 * and has one approved template, its API calls going to a {@link FakeTwilio}, and behind a pretend
 * TLS proxy — Twilio calls {@code https://hub.example.com}, the tests call 127.0.0.1.
 */
final class TwilioHub {

    static final String PUBLIC_BASE_URL = "https://hub.example.com";
    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "it-twilio-auth-token-0123456789";
    static final String OUR_NUMBER = "+15550001111";
    static final String TEMPLATE_SID = "HXabcdef0123456789abcdef0123456789";
    static final String TEMPLATE_NAME = "order_shipped";
    static final String TEMPLATE_PREVIEW = "Hi {{1}}, your order has shipped.";

    private TwilioHub() {
    }

    static Hub start(Path dataDir, FakeTwilio twilio) {
        String number = "hub.channels.twilio.accounts[0].numbers[0].";
        return Hub.start(dataDir, Hub.Database.h2(), Map.ofEntries(
                Map.entry("hub.public-base-url", PUBLIC_BASE_URL),
                Map.entry("hub.channels.twilio.enabled", "true"),
                Map.entry("hub.channels.twilio.api-base-url", twilio.baseUrl()),
                Map.entry("hub.channels.twilio.accounts[0].account-sid", ACCOUNT_SID),
                Map.entry("hub.channels.twilio.accounts[0].auth-token", AUTH_TOKEN),
                Map.entry(number + "number", OUR_NUMBER),
                Map.entry(number + "whatsapp", "true"),
                // a toll-free rate, so the tests' few replies never wait for a send slot
                Map.entry(number + "messages-per-second", "20"),
                Map.entry(number + "templates[0].content-sid", TEMPLATE_SID),
                Map.entry(number + "templates[0].name", TEMPLATE_NAME),
                Map.entry(number + "templates[0].language", "en"),
                Map.entry(number + "templates[0].variables", "1"),
                Map.entry(number + "templates[0].preview", TEMPLATE_PREVIEW)));
    }
}
