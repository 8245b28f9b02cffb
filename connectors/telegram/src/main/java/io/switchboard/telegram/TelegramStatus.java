package io.switchboard.telegram;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.spi.ConnectorStatus;
import java.util.List;
import java.util.Map;

/** The bots for the admin's connector list, tokens and webhook secrets redacted. */
record TelegramStatus(TelegramProperties properties) implements ConnectorStatus {

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public List<Account> accounts() {
        return properties.bots().stream()
                .map(b -> new Account(ChannelType.TELEGRAM, b.name(), Map.of(
                        "mode", b.mode().name().toLowerCase(java.util.Locale.ROOT),
                        "token", Account.REDACTED)))
                .toList();
    }
}
