package io.switchboard.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.telegram.TelegramProperties.Bot;
import io.switchboard.telegram.TelegramUpdate.Media;
import io.switchboard.telegram.TelegramUpdate.Message;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One update, from a webhook or from getUpdates: read it, fetch its files, normalize it and hand it
 * to the hub. Returns only after the bus stored it; the caller then acknowledges Telegram.
 *
 * <p>Throws {@link MalformedUpdateException} and {@code InboundRejectedException} for updates that
 * can never be taken, {@code BusUnavailableException} and {@link IOException} for ones to retry.
 */
final class UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

    static final String EDITED = "[Edited message]";

    enum Outcome { ACCEPTED, IGNORED }

    private final InboundGateway gateway;
    private final MediaFetcher media;

    UpdateHandler(InboundGateway gateway, MediaFetcher media) {
        this.gateway = gateway;
        this.media = media;
    }

    Outcome handle(Bot bot, JsonNode json) throws MalformedUpdateException, IOException {
        TelegramUpdate update = UpdateReader.read(json);
        Message message = update.message();
        if (message == null) {
            log.debug("Telegram bot '{}': update {} carries no message; ignored", bot.name(), update.updateId());
            return Outcome.IGNORED;
        }
        if (!message.isPrivate()) {
            // replies would be read by everyone in the group; the hub serves one-to-one chats only
            log.info("Telegram bot '{}': update {} is from a {} chat; only private chats are handled, ignored",
                    bot.name(), update.updateId(), message.chatType());
            return Outcome.IGNORED;
        }
        if (isBlank(message.text()) && message.other() == null && message.media().isEmpty()) {
            // service messages (pinned message, timer changed...) have nothing for an agent
            log.debug("Telegram bot '{}': update {} has no content the hub shows; ignored", bot.name(), update.updateId());
            return Outcome.IGNORED;
        }
        List<AttachmentRef> attachments = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Media item : message.media()) {
            MediaFetcher.Fetched fetched = media.fetch(bot, item);
            if (fetched.attachment() != null) {
                attachments.add(fetched.attachment());
            } else {
                notes.add(fetched.note());
            }
        }
        gateway.accept(normalize(bot, update, text(message, notes), attachments));
        return Outcome.ACCEPTED;
    }

    private static InboundMessage normalize(Bot bot, TelegramUpdate update, String text, List<AttachmentRef> attachments) {
        Message m = update.message();
        Map<String, String> context = new LinkedHashMap<>();
        context.put("telegram.updateId", String.valueOf(update.updateId()));
        if (m.language() != null) {
            context.put("telegram.language", m.language());
        }
        return new InboundMessage(null, new ChannelAddress(ChannelType.TELEGRAM, bot.name(), m.chatId()),
                m.displayName(), providerMessageId(bot, m), null, text, null, attachments, m.at(), Instant.now(),
                context, "telegram:" + bot.name() + ":update:" + update.updateId());
    }

    /**
     * {@code <bot>:<chat id>:<message id>}, plus {@code :edited:<edit date>} for an edit. Message ids
     * are unique inside a chat for ever; update ids restart at random after a week without updates,
     * so they could collide with an old message.
     */
    static String providerMessageId(Bot bot, Message m) {
        String id = bot.name() + ":" + m.chatId() + ":" + m.messageId();
        return m.edited() ? id + ":edited:" + (m.at() == null ? 0 : m.at().getEpochSecond()) : id;
    }

    private static String text(Message m, List<String> notes) {
        List<String> lines = new ArrayList<>();
        if (m.edited()) {
            lines.add(EDITED);
        }
        if (!isBlank(m.text())) {
            lines.add(m.text());
        }
        if (m.other() != null) {
            lines.add(m.other());
        }
        lines.addAll(notes);
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
