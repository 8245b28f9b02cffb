package io.switchboard.core.model;

import java.util.Objects;

/**
 * Who, on which of our accounts: an E.164 phone, an email address, a page-scoped id, a Telegram
 * chat id or a widget visitor id ({@code address}), reached through one of our accounts
 * ({@code account}: a phone number, a mailbox, a page, a bot, a widget site).
 */
public record ChannelAddress(ChannelType channel, String account, String address) {

    public ChannelAddress {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        account = account == null ? "default" : account;
    }

    /** Stable key for grouping one customer's messages on the bus. */
    public String key() {
        return channel.name() + ":" + account + ":" + address;
    }
}
