package io.switchboard.core.spi;

import io.switchboard.core.model.AttachmentRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where attachment bytes live: never on the bus. A connector stores what a customer sent and puts
 * the returned {@link AttachmentRef} on the message; the inbox serves it to agents by its key.
 * Provided by core-routing (files under {@code hub.attachments.dir}).
 */
public interface AttachmentStore {

    /**
     * Stores {@code content}, reading at most {@code maxBytes}.
     *
     * @throws AttachmentTooLargeException when the content is longer than {@code maxBytes}; nothing is kept
     */
    AttachmentRef store(String name, String contentType, InputStream content, long maxBytes) throws IOException;

    /** Stores with the store's configured size limit. */
    AttachmentRef store(String name, String contentType, InputStream content) throws IOException;

    /** The bytes of a stored attachment, or empty when the key is unknown or malformed. */
    Optional<InputStream> open(String storageKey) throws IOException;

    /** Thrown when an attachment is over the size limit; the message says the limit. */
    class AttachmentTooLargeException extends IOException {

        private final long limit;

        public AttachmentTooLargeException(String name, long limit) {
            super("Attachment '" + name + "' is larger than the limit of " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
