package io.switchboard.webchat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the web-chat widget ({@code hub.channels.webchat.*}). See docs/webchat.md.
 *
 * @param enabled        the widget is on unless switched off
 * @param account        the site id: the {@code account} of every visitor's {@code ChannelAddress}
 * @param allowedOrigins pages on other origins that may open the widget's WebSocket; empty means only
 *                       pages of the hub itself, {@code "*"} means any site (development only)
 * @param maxTextLength  longest message text, in characters, both ways
 * @param maxFrameBytes  largest WebSocket frame a visitor may send; a larger one is answered with {@code too_large}
 * @param historyLimit   how many messages of the conversation the widget shows after a (re)connect
 * @param sessionSecret  HMAC key for visitor tokens; blank means a random key kept in the data directory
 * @param title          heading of the chat window
 * @param greeting       short text shown while the conversation is empty
 * @param identitySecret HMAC-SHA256 key the site signs {@code setUser} identifiers (and e-mails) with; blank
 *                       means signed identities are not accepted
 * @param identityVerification {@code optional}: unsigned {@code setUser} is taken as an unverified hint;
 *                       {@code required}: an unsigned {@code setUser} is refused
 */
@Validated
@ConfigurationProperties("hub.channels.webchat")
record WebchatProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("default") @NotBlank(message = "set hub.channels.webchat.account to the site id") String account,
        @DefaultValue @NotNull List<@NotBlank String> allowedOrigins,
        @DefaultValue("4000") @Min(1) @Max(1_000_000) int maxTextLength,
        @DefaultValue("16384") @Min(1024) @Max(1_048_576) int maxFrameBytes,
        @DefaultValue("50") @Min(0) @Max(1000) int historyLimit,
        String sessionSecret,
        @DefaultValue("Chat with us") @Size(max = 100) String title,
        @DefaultValue("Hi! Ask us anything - we usually answer within a few minutes.") @Size(max = 500) String greeting,
        String identitySecret,
        @DefaultValue("optional") IdentityVerification identityVerification) {

    static final int MIN_IDENTITY_SECRET = 16;

    WebchatProperties {
        boolean secret = identitySecret != null && !identitySecret.isBlank();
        if (identityVerification == IdentityVerification.REQUIRED && !secret) {
            throw new IllegalArgumentException("hub.channels.webchat.identity-verification is 'required' but"
                    + " hub.channels.webchat.identity-secret is not set: set the secret your site signs identifiers"
                    + " with (e.g. ${SWITCHBOARD_WEBCHAT_IDENTITY_SECRET}) or use 'optional'");
        }
        if (secret && identitySecret.length() < MIN_IDENTITY_SECRET) {
            throw new IllegalArgumentException("hub.channels.webchat.identity-secret must be at least "
                    + MIN_IDENTITY_SECRET + " characters; generate one with: openssl rand -hex 32");
        }
    }

    /** Whether a {@code setUser} without a valid signature is accepted (as an unverified hint). */
    enum IdentityVerification { OPTIONAL, REQUIRED }

    /** True when the admin opened the WebSocket to every site (development only). */
    boolean anyOrigin() {
        return allowedOrigins.contains("*");
    }
}
