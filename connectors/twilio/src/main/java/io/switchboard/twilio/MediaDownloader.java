package io.switchboard.twilio;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.AttachmentStore.AttachmentTooLargeException;
import io.switchboard.twilio.TwilioProperties.Account;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a message's media from Twilio with the account's credentials and keeps it in the
 * {@link AttachmentStore}. All media of one message share one time budget, so the webhook still
 * answers inside Twilio's 15 seconds; what cannot be fetched becomes a note in the text instead of
 * losing the message.
 */
final class MediaDownloader {

    private static final Logger log = LoggerFactory.getLogger(MediaDownloader.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_HOPS = 5;

    /** One media item of a webhook. */
    record Media(String url, String contentType, String name) {
    }

    /** What was stored, and a note line for each item that was not. */
    record Result(List<AttachmentRef> attachments, List<String> notes) {
    }

    private final MediaHosts hosts;
    private final AttachmentStore store;
    private final Duration budget;
    private final HttpClient http;

    MediaDownloader(MediaHosts hosts, AttachmentStore store, Duration connectTimeout, Duration budget) {
        this.hosts = hosts;
        this.store = store;
        this.budget = budget;
        // Redirects by hand: each hop is checked against the allowed hosts and gets credentials only if it may.
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Result download(Account account, List<Media> media) {
        Instant deadline = Instant.now().plus(budget);
        List<AttachmentRef> stored = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Media item : media) {
            try {
                stored.add(fetch(account, item, deadline));
            } catch (TooLarge e) {
                String size = e.size.isPresent() ? " (" + human(e.size.getAsLong()) + ")" : "";
                notes.add("[Attachment \"" + item.name() + "\"" + size + " was not accepted: the limit is "
                        + human(e.limit) + "]");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                notes.add(notFetched(item));
            } catch (IOException | RuntimeException e) {
                log.warn("Twilio media {} of account {} not stored: {}", item.name(), account.accountSid(), e.toString());
                notes.add(notFetched(item));
            }
        }
        return new Result(stored, notes);
    }

    private AttachmentRef fetch(Account account, Media item, Instant deadline) throws IOException, InterruptedException {
        URI uri = URI.create(item.url());
        for (int hop = 0; hop <= MAX_HOPS; hop++) {
            if (!hosts.allowed(uri)) {
                throw new IOException("media host " + uri.getHost() + " is not in hub.channels.twilio.media-hosts");
            }
            HttpResponse<InputStream> response = http.send(request(account, uri, deadline),
                    HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (REDIRECTS.contains(status) && response.headers().firstValue("Location").isPresent()) {
                response.body().close();
                uri = uri.resolve(response.headers().firstValue("Location").get());
            } else if (status != 200) {
                response.body().close();
                throw new IOException("HTTP " + status + " from " + uri.getHost());
            } else {
                return store(item, response, deadline);
            }
        }
        throw new IOException("more than " + MAX_HOPS + " redirects");
    }

    private HttpRequest request(Account account, URI uri, Instant deadline) throws HttpTimeoutException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(remaining(deadline)).GET();
        if (hosts.takesCredentials(uri)) {
            String credentials = account.accountSid() + ":" + account.authToken();
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    private AttachmentRef store(Media item, HttpResponse<InputStream> response, Instant deadline) throws IOException {
        String type = item.contentType() != null ? item.contentType()
                : response.headers().firstValue("Content-Type").orElse(null);
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        try (InputStream body = response.body()) {
            // A slow body is cut off at the deadline: closing the stream ends the blocked read.
            CompletableFuture.delayedExecutor(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> closeQuietly(body));
            return store.store(item.name(), type, body);
        } catch (AttachmentTooLargeException e) {
            throw new TooLarge(e.limit(), length);
        }
    }

    private static Duration remaining(Instant deadline) throws HttpTimeoutException {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new HttpTimeoutException("the media time budget (hub.channels.twilio.media-timeout) is used up");
        }
        return left;
    }

    private static String notFetched(Media item) {
        return "[Attachment \"" + item.name() + "\" could not be downloaded from Twilio]";
    }

    static String human(long bytes) {
        if (bytes >= 1024 * 1024) {
            return Math.round(bytes / (1024.0 * 1024.0)) + " MB";
        }
        return bytes >= 1024 ? Math.round(bytes / 1024.0) + " KB" : bytes + " bytes";
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the download already failed or finished; nothing to report
        }
    }

    /** Over the store's limit, with the size Twilio announced (if it did) for the note. */
    private static final class TooLarge extends IOException {

        private final long limit;
        private final OptionalLong size;

        TooLarge(long limit, OptionalLong size) {
            super("attachment over the limit of " + limit + " bytes");
            this.limit = limit;
            this.size = size;
        }
    }
}
