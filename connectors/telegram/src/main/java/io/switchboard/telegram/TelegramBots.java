package io.switchboard.telegram;

import io.switchboard.telegram.TelegramProperties.Bot;
import io.switchboard.telegram.TelegramProperties.Mode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured bots by name (the {@code account} of TELEGRAM addresses). */
final class TelegramBots {

    private final Map<String, Bot> byName = new LinkedHashMap<>();

    TelegramBots(List<Bot> bots) {
        for (int i = 0; i < bots.size(); i++) {
            Bot bot = bots.get(i);
            if (byName.putIfAbsent(bot.name(), bot) != null) {
                throw new IllegalStateException("hub.channels.telegram.bots[" + i + "].name: the name '" + bot.name()
                        + "' is used by two bots; give every bot its own name");
            }
        }
    }

    Optional<Bot> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** A bot that receives webhooks; polling bots have no webhook endpoint. */
    Optional<Bot> webhookBot(String name) {
        return find(name).filter(bot -> bot.mode() == Mode.WEBHOOK);
    }

    List<Bot> withMode(Mode mode) {
        return byName.values().stream().filter(bot -> bot.mode() == mode).toList();
    }

    Collection<Bot> all() {
        return byName.values();
    }

    boolean has(String name) {
        return name != null && byName.containsKey(name);
    }
}
