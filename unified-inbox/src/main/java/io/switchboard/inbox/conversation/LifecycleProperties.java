package io.switchboard.inbox.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Conversation lifecycle settings ({@code hub.inbox.*}). See docs/configuration.md.
 *
 * @param reopenWithin       a customer message on a chat channel (not e-mail, which threads by its
 *                           headers) reopens the contact's last conversation if it was resolved at most
 *                           this long ago; later, it starts a new conversation. 0 always starts a new one
 * @param snoozePollInterval how often the hub looks for snoozed conversations that are due to reopen
 */
@ConfigurationProperties("hub.inbox")
record LifecycleProperties(@DefaultValue("7d") Duration reopenWithin,
                           @DefaultValue("30s") Duration snoozePollInterval) {

    LifecycleProperties {
        if (reopenWithin.isNegative()) {
            throw new IllegalArgumentException("hub.inbox.reopen-within must not be negative (e.g. 7d, or 0 to"
                    + " always start a new conversation)");
        }
        if (snoozePollInterval.isNegative() || snoozePollInterval.isZero()) {
            throw new IllegalArgumentException("hub.inbox.snooze-poll-interval must be positive, e.g. 30s");
        }
    }
}
