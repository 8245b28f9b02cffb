package io.switchboard.inbox.crm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * CRM integration ({@code hub.crm.*}): webhook subscriptions, where outbound requests may go, the
 * delivery schedule and the optional contact lookup.
 *
 * @param webhooks     subscriptions kept in config (the admin API adds more)
 * @param allowedHosts host names or CIDRs that may be private or loopback (outbound requests to
 *                     private, loopback and link-local addresses are refused otherwise)
 * @param delivery     retry schedule, timeouts and polling
 * @param lookup       the CRM lookup called for new or identified contacts
 * @param endpointCheckInterval how often a hub node that consumes no events for webhooks yet looks whether
 *                     another node added the first webhook subscription (the node that adds one starts at once)
 */
@Validated
@ConfigurationProperties("hub.crm")
public record CrmProperties(
        @DefaultValue List<@Valid Subscription> webhooks,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue @Valid Delivery delivery,
        @DefaultValue @Valid Lookup lookup,
        @DefaultValue("30s") Duration endpointCheckInterval) {

    static final String SECRET_PATTERN = "whsec_[A-Za-z0-9+/=]{16,}";
    static final String SECRET_MESSAGE = "must be a Standard Webhooks secret: whsec_ followed by base64"
            + " (at least 16 characters)";

    /**
     * @param name            unique name of the subscription (its key in the database)
     * @param url             where events are POSTed
     * @param secret          the signing secret, {@code whsec_…}
     * @param previousSecrets secrets still signed with during a rotation (one signature each)
     * @param events          event types to send (e.g. {@code message.created}); empty means all
     * @param enabled         false keeps the subscription but sends nothing
     */
    public record Subscription(@NotBlank String name,
                               @NotBlank String url,
                               @NotBlank @Pattern(regexp = SECRET_PATTERN, message = SECRET_MESSAGE) String secret,
                               @DefaultValue List<@Pattern(regexp = SECRET_PATTERN, message = SECRET_MESSAGE) String> previousSecrets,
                               @DefaultValue List<String> events,
                               @DefaultValue("true") boolean enabled) {
    }

    /**
     * @param schedule       wait before each attempt, the first included; after the last one the
     *                       delivery is marked failed
     * @param jitter         each wait varies randomly by up to this fraction (0.1 = ±10%)
     * @param maxRetryAfter  a receiver's Retry-After is honoured up to this long
     * @param pollInterval   how often due deliveries are looked for
     * @param lease          how long a node holds a delivery it is sending (longer than {@code timeout})
     * @param batchSize      deliveries taken per poll
     * @param connectTimeout TCP connect timeout of a webhook request
     * @param timeout        total timeout of a webhook request
     */
    public record Delivery(@DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h", "10h", "10h", "10h", "10h"})
                           @NotEmpty List<Duration> schedule,
                           @DefaultValue("0.1") @DecimalMin("0") @DecimalMax("1") double jitter,
                           @DefaultValue("1d") Duration maxRetryAfter,
                           @DefaultValue("1s") Duration pollInterval,
                           @DefaultValue("1m") Duration lease,
                           @DefaultValue("20") @Min(1) int batchSize,
                           @DefaultValue("5s") Duration connectTimeout,
                           @DefaultValue("15s") Duration timeout) {
    }

    /**
     * @param url    POSTed a signed {@code contact.created}/{@code contact.updated} event; its JSON
     *               object answer is stored as the contact's attributes. Unset: no lookup.
     * @param secret signing secret of the lookup requests, {@code whsec_…}
     */
    public record Lookup(String url,
                         @Pattern(regexp = SECRET_PATTERN, message = SECRET_MESSAGE) String secret) {

        boolean enabled() {
            return url != null && !url.isBlank();
        }
    }
}
