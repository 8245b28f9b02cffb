package io.switchboard.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.AttachmentStore.AttachmentTooLargeException;
import io.switchboard.telegram.TelegramProperties.Bot;
import io.switchboard.telegram.TelegramUpdate.Media;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches a customer's file from Telegram (getFile, then the file URL) into the {@link AttachmentStore}.
 * A file over the limit, or one Telegram will not hand out, becomes a note line instead of an attachment;
 * a network or server failure is thrown so the update is retried.
 */
final class MediaFetcher {

    /** The cloud Bot API hands out files up to 20 MB; it answers getFile for larger ones with this. */
    private static final String TOO_BIG = "file is too big";

    private final BotApiClient api;
    private final AttachmentStore store;

    MediaFetcher(BotApiClient api, AttachmentStore store) {
        this.api = api;
        this.store = store;
    }

    /** Either {@code attachment} or {@code note} is set. */
    record Fetched(AttachmentRef attachment, String note) {
    }

    Fetched fetch(Bot bot, Media media) throws IOException {
        long limit = bot.maxAttachmentSize().toBytes();
        if (media.size() != null && media.size() > limit) {
            return new Fetched(null, tooLarge(media.fileName(), media.size(), limit));
        }
        String filePath;
        try {
            JsonNode file = api.call(bot, "getFile", Map.of("file_id", media.fileId()));
            filePath = file.path("file_path").asText(null);
        } catch (BotApiException e) {
            if (e.isTransient() || e.errorCode() == 401 || e.errorCode() == 404) {
                throw new IOException("getFile for bot '" + bot.name() + "' failed: " + e.getMessage(), e);
            }
            if (e.description().toLowerCase(Locale.ROOT).contains(TOO_BIG)) {
                return new Fetched(null, "[Attachment \"" + media.fileName()
                        + "\" was not accepted: Telegram lets bots download files up to 20 MB]");
            }
            return new Fetched(null, "[Attachment \"" + media.fileName() + "\" could not be fetched from Telegram: "
                    + e.description() + "]");
        }
        try (InputStream content = api.download(bot, filePath)) {
            return new Fetched(store.store(media.fileName(), media.contentType(), content, limit), null);
        } catch (AttachmentTooLargeException e) {
            return new Fetched(null, tooLarge(media.fileName(), media.size(), limit));
        }
    }

    static String tooLarge(String name, Long size, long limit) {
        return "[Attachment \"" + name + "\"" + (size == null ? "" : " (" + humanSize(size) + ")")
                + " was not accepted: the limit is " + humanSize(limit) + "]";
    }

    /** "31 MB", "1.5 MB", "800 KB", "12 bytes" (binary units, as DataSize uses). */
    static String humanSize(long bytes) {
        if (bytes >= 1024 * 1024) {
            return trim(bytes / (1024.0 * 1024)) + " MB";
        }
        if (bytes >= 1024) {
            return trim(bytes / 1024.0) + " KB";
        }
        return bytes + " bytes";
    }

    private static String trim(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
