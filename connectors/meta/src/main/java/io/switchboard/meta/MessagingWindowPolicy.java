package io.switchboard.meta;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.ChannelPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Messenger's and Instagram's rules, checked before a reply is queued: text only (up to 2000 characters on
 * Messenger, 1000 bytes on Instagram), only to a customer who wrote first, within 24 hours of their last
 * message - or within 7 days where the account has the human agent tag enabled.
 */
final class MessagingWindowPolicy implements ChannelPolicy {

    static final Duration STANDARD_WINDOW = Duration.ofHours(24);
    static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);

    private final ChannelType channel;
    private final MetaAccounts accounts;
    private final Clock clock;

    MessagingWindowPolicy(ChannelType channel, MetaAccounts accounts, Clock clock) {
        this.channel = channel;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public ChannelType channel() {
        return channel;
    }

    @Override
    public boolean appliesTo(ChannelAddress target) {
        return target.channel() == channel && accounts.serves(target);
    }

    @Override
    public Optional<PolicyRefusal> check(OutboundMessage message, Instant lastInboundAt) {
        String name = channel == ChannelType.MESSENGER ? "Messenger" : "Instagram";
        if (message.template() != null || !message.attachments().isEmpty()) {
            return refuse("unsupported", name + " replies can only be text in Switchboard for now: remove the "
                    + "template or attachment (share a link instead)");
        }
        if (message.text() == null || message.text().isBlank()) {
            return refuse("empty", "The reply is empty: write some text");
        }
        Optional<PolicyRefusal> tooLong = length(name, message.text());
        if (tooLong.isPresent()) {
            return tooLong;
        }
        if (lastInboundAt == null) {
            return refuse("no_conversation", name + " only allows replies to people who wrote to "
                    + (channel == ChannelType.MESSENGER ? "the page" : "the account") + " first; this customer never did");
        }
        Duration since = Duration.between(lastInboundAt, clock.instant());
        boolean humanAgent = accounts.humanAgentTag(channel, message.target().account());
        if (since.compareTo(STANDARD_WINDOW) <= 0 || humanAgent && since.compareTo(HUMAN_AGENT_WINDOW) <= 0) {
            return Optional.empty();
        }
        String limit = humanAgent ? "7 days (with the human agent tag)" : "24 hours";
        String hint = humanAgent ? "" : " (or, if your app has the Human Agent permission, enable human-agent-tag "
                + "for this account to reply up to 7 days)";
        return refuse("outside_window", "The customer last wrote " + ago(since) + " ago; " + name
                + " allows replies only within " + limit + " of their last message. Wait until they write again or "
                + "reach them on another channel" + hint);
    }

    private Optional<PolicyRefusal> length(String name, String text) {
        if (channel == ChannelType.MESSENGER && text.length() > 2000) {
            return refuse("too_long", "The reply has " + text.length() + " characters; Messenger allows 2000. "
                    + "Shorten it or send it as several messages");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (channel == ChannelType.INSTAGRAM && bytes > 1000) {
            return refuse("too_long", "The reply has " + bytes + " bytes; " + name + " allows 1000 (about 1000 "
                    + "letters, fewer with emoji). Shorten it or send it as several messages");
        }
        return Optional.empty();
    }

    static String ago(Duration since) {
        long hours = since.toHours();
        return hours >= 48 ? since.toDays() + " days" : hours + " hours";
    }

    private static Optional<PolicyRefusal> refuse(String code, String reason) {
        return Optional.of(new PolicyRefusal(code, reason));
    }
}
