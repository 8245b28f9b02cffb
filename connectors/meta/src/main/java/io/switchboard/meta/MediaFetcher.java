package io.switchboard.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.AttachmentStore.AttachmentTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads what a customer sent and stores it in the {@link AttachmentStore}; bytes never go on the bus.
 * Messenger and Instagram give a signed CDN link; WhatsApp gives a media id, resolved with
 * {@code GET /{version}/{media-id}} and downloaded with the number's token. A file over the limit, or one Meta
 * no longer serves (4xx), becomes a short note in the message text instead; an unreachable Meta or a broken
 * download is thrown, so the webhook answers 503 and Meta sends it again.
 */
final class MediaFetcher {

    private static final Logger log = LoggerFactory.getLogger(MediaFetcher.class);

    private final GraphClient graph;
    private final AttachmentStore store;

    MediaFetcher(GraphClient graph, AttachmentStore store) {
        this.graph = graph;
        this.store = store;
    }

    /** Either a stored attachment or a note for the message text. */
    record Fetched(AttachmentRef attachment, String note) {
    }

    /** A Messenger/Instagram attachment link (public, signed by Meta: no token). */
    Fetched fromUrl(String url, String kind) {
        String fallbackName = nameFromUrl(url, kind);
        try {
            return store(graph.open(url, null), fallbackName, null, -1);
        } catch (GraphException e) {
            return refusedOrThrow(e, fallbackName);
        }
    }

    /** A WhatsApp media id: look up its URL, then download it with the number's token. */
    Fetched whatsApp(String mediaId, String fileName, String mimeType, String accessToken) {
        String name = fileName != null && !fileName.isBlank() ? fileName : defaultName(mimeType, "media");
        try {
            JsonNode media = graph.get(mediaId, Map.of(), GraphClient.Auth.bearer(accessToken));
            String url = media.path("url").asText("");
            if (url.isBlank()) {
                return new Fetched(null, "[Attachment \"" + name + "\" could not be downloaded: Meta gave no URL]");
            }
            String type = media.path("mime_type").asText(mimeType);
            long size = media.path("file_size").asLong(-1);
            return store(graph.open(url, accessToken), name, type, size);
        } catch (GraphException e) {
            return refusedOrThrow(e, name);
        }
    }

    private Fetched store(GraphClient.Download download, String fallbackName, String knownType, long knownSize) {
        String name = download.fileName() != null ? download.fileName() : fallbackName;
        String type = knownType != null ? knownType : download.contentType();
        long size = knownSize >= 0 ? knownSize : download.length();
        try (InputStream body = download.body()) {
            return new Fetched(store.store(name, type, body), null);
        } catch (AttachmentTooLargeException tooLarge) {
            log.info("Attachment {} not stored: over the limit of {} bytes", name, tooLarge.limit());
            String sizeText = size >= 0 ? " (" + human(size) + ")" : "";
            return new Fetched(null, "[Attachment \"" + name + "\"" + sizeText + " was not accepted: the limit is "
                    + human(tooLarge.limit()) + "]");
        } catch (IOException e) {
            throw new UncheckedIOException("Downloading attachment " + name + " broke off", e);
        }
    }

    private static Fetched refusedOrThrow(GraphException e, String name) {
        if (e.isTransient()) {
            throw e;
        }
        log.warn("Attachment {} could not be downloaded: {}", name, e.getMessage());
        return new Fetched(null, "[Attachment \"" + name + "\" could not be downloaded from Meta (HTTP "
                + e.status() + ")]");
    }

    static String nameFromUrl(String url, String kind) {
        try {
            String path = URI.create(url).getPath();
            String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            if (last.contains(".") && last.length() <= 200) {
                return last;
            }
        } catch (IllegalArgumentException malformed) {
            // fall through to a generic name
        }
        return kind == null || kind.isBlank() ? "attachment" : kind;
    }

    static String defaultName(String mimeType, String kind) {
        if (mimeType == null || !mimeType.contains("/")) {
            return kind;
        }
        String main = mimeType.substring(0, mimeType.indexOf('/')).toLowerCase(Locale.ROOT);
        String sub = mimeType.substring(mimeType.indexOf('/') + 1).split("[;+]")[0].trim().toLowerCase(Locale.ROOT);
        String base = switch (main) {
            case "image", "video", "audio" -> main;
            default -> "document";
        };
        return sub.matches("[a-z0-9.-]{1,20}") ? base + "." + sub : base;
    }

    /** "31 MB", "640 KB", "12 bytes": what an agent can read at a glance. */
    static String human(long bytes) {
        if (bytes >= 1024 * 1024) {
            return Math.round(bytes / (1024.0 * 1024.0)) + " MB";
        }
        if (bytes >= 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return bytes + " bytes";
    }
}
