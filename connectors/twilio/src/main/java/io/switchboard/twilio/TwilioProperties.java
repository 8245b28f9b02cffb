package io.switchboard.twilio;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Twilio connector ({@code hub.channels.twilio.*}): SMS and WhatsApp through Twilio's
 * Messages API. See docs/twilio.md. The public URL of the hub is {@code hub.public-base-url}.
 *
 * @param enabled       the connector is off unless switched on
 * @param apiBaseUrl    where the SDK's calls to {@code https://api.twilio.com} go (a Twilio-compatible gateway, a test fake)
 * @param defaultRegion ISO region for phone numbers written without a country code
 * @param mediaHosts    hosts media may be downloaded from (exact or {@code *.suffix}); the api-base-url host is added
 * @param mediaTimeout  time budget for downloading all media of one inbound message (Twilio waits 15 s in all)
 * @param connectTimeout connect timeout of media downloads
 * @param sendTimeout   socket timeout of calls to the Messages API
 * @param maxConnections calls to the Messages API open at once, per account (Apache's default would be 5, which
 *                      capped an account's replies at 5 per round trip; Twilio answers 429 past its account limit)
 * @param accounts      Twilio accounts, each with its numbers
 */
@Validated
@ConfigurationProperties("hub.channels.twilio")
record TwilioProperties(
        boolean enabled,
        @DefaultValue("https://api.twilio.com") @NotBlank String apiBaseUrl,
        @DefaultValue("US") @NotBlank String defaultRegion,
        @DefaultValue({"api.twilio.com", "*.twilio.com", "*.twiliocdn.com"}) @NotNull List<@NotBlank String> mediaHosts,
        @DefaultValue("10s") @NotNull Duration mediaTimeout,
        @DefaultValue("3s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration sendTimeout,
        @DefaultValue("32") @Positive int maxConnections,
        @DefaultValue @NotEmpty(message = "configure at least one account under hub.channels.twilio.accounts")
        @Valid List<Account> accounts) {

    /**
     * @param accountSid the account's SID (AC…), user name of API calls and media downloads
     * @param authToken  the account's primary auth token: signs webhooks, password of API calls (secret)
     * @param numbers    our numbers on this account
     */
    record Account(
            @NotBlank(message = "set hub.channels.twilio.accounts[n].account-sid (AC…)") String accountSid,
            @NotBlank(message = "set hub.channels.twilio.accounts[n].auth-token from an environment variable")
            String authToken,
            @NotEmpty(message = "configure at least one number under hub.channels.twilio.accounts[n].numbers")
            @Valid List<Line> numbers) {

        @Override
        public String toString() {
            return "Account[accountSid=" + accountSid + ", authToken=******, numbers=" + numbers + "]";
        }
    }

    /**
     * @param number            our number in E.164, e.g. +15550001111
     * @param whatsapp          the number is a WhatsApp sender as well
     * @param messagesPerSecond send rate towards Twilio (1 for SMS long codes)
     * @param templates         approved WhatsApp templates (Content API) sendable from this number
     */
    record Line(
            @NotBlank(message = "set hub.channels.twilio.accounts[n].numbers[m].number in E.164") String number,
            boolean whatsapp,
            @DefaultValue("1") @Positive double messagesPerSecond,
            @DefaultValue @Valid List<Template> templates) {
    }

    /**
     * @param contentSid what Twilio needs to send it (HX…)
     * @param name       what the agent sees
     * @param language   the template's language
     * @param variables  variable names in order, e.g. ["1", "2"]
     * @param preview    the text with its placeholders, for the agent
     */
    record Template(
            @NotBlank(message = "set the content-sid (HX…) of every template") String contentSid,
            @NotBlank(message = "set the name of every template") String name,
            @DefaultValue("en") String language,
            @DefaultValue List<String> variables,
            String preview) {
    }
}
