package io.switchboard.inbox.conversation;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The answer a customer gets, once per conversation, when they write while their team is closed or
 * nobody of it is online.
 *
 * @param enabled false: offline conversations are still kept as pending tickets, just not answered
 * @param text    the reply; {@code {{next_open}}} becomes when the team opens ("today at 09:00
 *                (Europe/Berlin)", or "as soon as someone is available" when the team is open but
 *                nobody is online), {@code {{contact.name}}} the customer's name
 */
@Validated
@ConfigurationProperties("hub.routing.auto-reply")
record AutoReplyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("Thanks for your message, {{contact.name}}. Nobody is available right now; we will get back"
                + " to you {{next_open}}.") @NotBlank String text) {
}
