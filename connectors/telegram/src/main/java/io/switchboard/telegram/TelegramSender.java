package io.switchboard.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.PermanentSendException;
import io.switchboard.telegram.TelegramProperties.Bot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends an agent's reply with the Bot API: sendMessage for text, sendPhoto / sendDocument (multipart
 * upload from the attachment store) for files. A text that fits a caption travels with the first
 * file; a longer one goes first as its own message.
 */
final class TelegramSender implements OutboundSender {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    /** sendPhoto takes these types up to 10 MB; other images go as documents, so nothing is recompressed. */
    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;

    private final TelegramBots bots;
    private final BotApiClient api;
    private final AttachmentStore store;

    TelegramSender(TelegramBots bots, BotApiClient api, AttachmentStore store) {
        this.bots = bots;
        this.api = api;
        this.store = store;
    }

    @Override
    public Set<ChannelType> channels() {
        return Set.of(ChannelType.TELEGRAM);
    }

    @Override
    public boolean handles(ChannelAddress target) {
        return target.channel() == ChannelType.TELEGRAM && bots.has(target.account());
    }

    /** The provider id is {@code <chat id>:<message id>} of the first Telegram message sent. */
    @Override
    public SendResult send(OutboundMessage message) {
        Bot bot = bots.find(message.target().account()).orElseThrow(() -> new PermanentSendException(
                "No Telegram bot named '" + message.target().account() + "' is configured"));
        String chatId = message.target().address();
        String text = message.text() == null || message.text().isBlank() ? null : message.text();
        List<AttachmentRef> files = message.attachments();
        boolean caption = text != null && !files.isEmpty() && text.length() <= MAX_CAPTION;
        try {
            requireStored(files);
            String first = null;
            if (text != null && !caption) {
                first = sendText(bot, chatId, text);
            }
            for (int i = 0; i < files.size(); i++) {
                String id = sendFile(bot, chatId, files.get(i), i == 0 && caption ? text : null);
                first = first == null ? id : first;
            }
            if (first == null) {
                throw new PermanentSendException("The reply is empty; write a text or attach a file.");
            }
            return new SendResult(first);
        } catch (BotApiException e) {
            throw SendErrors.translate(bot.name(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new TelegramUnavailableException("Telegram could not be reached (" + e.getMessage() + "); it is retried", e);
        }
    }

    private String sendText(Bot bot, String chatId, String text) throws IOException, BotApiException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("chat_id", chatId);
        params.put("text", text);
        return providerId(api.call(bot, "sendMessage", params));
    }

    private String sendFile(Bot bot, String chatId, AttachmentRef file, String caption) throws IOException, BotApiException {
        boolean photo = PHOTO_TYPES.contains(file.contentType()) && file.size() <= MAX_PHOTO_BYTES;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("chat_id", chatId);
        if (caption != null) {
            fields.put("caption", caption);
        }
        String field = photo ? "photo" : "document";
        Multipart.FilePart part = new Multipart.FilePart(field, file.name(), file.contentType(), file.size(),
                () -> open(file.storageKey()));
        return providerId(api.upload(bot, photo ? "sendPhoto" : "sendDocument", fields, part));
    }

    /** Checked before anything is sent, so a missing file never leaves half a reply at the customer. */
    private void requireStored(List<AttachmentRef> files) throws IOException {
        for (AttachmentRef file : files) {
            Optional<InputStream> content = store.open(file.storageKey());
            if (content.isEmpty()) {
                throw new PermanentSendException("The attachment \"" + file.name()
                        + "\" is no longer in the hub's storage; attach it again.");
            }
            content.get().close();
        }
    }

    private InputStream open(String key) {
        try {
            return store.open(key).orElseThrow(() -> new UncheckedIOException(new IOException("attachment vanished")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String providerId(JsonNode sent) throws IOException {
        JsonNode chat = sent.path("chat").path("id");
        JsonNode id = sent.path("message_id");
        if (!chat.canConvertToLong() || !id.canConvertToLong()) {
            throw new IOException("Telegram's answer lacks chat.id or message_id");
        }
        return chat.asText() + ":" + id.asText();
    }
}
