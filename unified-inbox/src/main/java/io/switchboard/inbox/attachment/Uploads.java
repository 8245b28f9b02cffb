package io.switchboard.inbox.attachment;

import static io.switchboard.inbox.support.Sql.ts;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.inbox.api.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.tika.Tika;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Files an agent uploads to send with a reply. The type is detected from the content (Apache Tika's
 * magic bytes, the name only as a tie-breaker), checked against {@code hub.inbox.uploads.allowed-types},
 * and the file stored in the attachment store. Until a reply carries it an upload belongs to its
 * uploader only, and a reply may carry it once.
 */
@Component
public class Uploads {

    /** An upload as the API shows it. */
    public record Upload(long id, String name, String contentType, long size, String url) {
    }

    static final int SNIFF_BYTES = 64 * 1024;
    static final int MAX_PER_REPLY = 10;

    private final JdbcClient jdbc;
    private final AttachmentStore store;
    private final UploadProperties properties;
    private final Clock clock;
    private final Tika tika = new Tika();

    public Uploads(JdbcClient jdbc, AttachmentStore store, UploadProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    long maxBytes() {
        return properties.maxSize().toBytes();
    }

    /**
     * @param content opened twice: once to detect the type, once to store
     * @throws ApiException 400 empty, 413 too large, 415 type not allowed
     */
    public Upload upload(String owner, String name, long size, ContentSource content) throws IOException {
        if (size <= 0) {
            throw ApiException.invalid("The file is empty; pick a file with content");
        }
        if (size > maxBytes()) {
            throw tooLarge(size);
        }
        String type;
        try (InputStream in = content.open()) {
            type = tika.detect(in.readNBytes(SNIFF_BYTES), name).toLowerCase();
        }
        if (UploadProperties.NEVER.contains(type) || !properties.allowed().contains(type)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Files of type " + type + " cannot be sent (detected from the content); allowed: "
                            + String.join(", ", properties.allowedTypes()));
        }
        AttachmentRef stored;
        try (InputStream in = content.open()) {
            stored = store.store(name, type, in, maxBytes());
        } catch (AttachmentStore.AttachmentTooLargeException e) {
            throw tooLarge(size);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO message_attachment (name, content_type, size_bytes, storage_key, uploaded_by,"
                        + " uploaded_at) VALUES (:name, :type, :size, :key, :owner, :now)")
                .param("name", stored.name()).param("type", stored.contentType()).param("size", stored.size())
                .param("key", stored.storageKey()).param("owner", owner).param("now", ts(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        return new Upload(id, stored.name(), stored.contentType(), stored.size(), "/api/attachments/" + id);
    }

    /** Reads the uploaded content from the start, each call anew. */
    @FunctionalInterface
    public interface ContentSource {
        InputStream open() throws IOException;
    }

    /**
     * The owner's unused uploads {@code ids}, as references to put on a reply, in the given order.
     *
     * @throws ApiException 400 naming the ids that are unknown, someone else's or already sent
     */
    public List<AttachmentRef> unused(String owner, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        if (distinct.contains(null)) {
            throw ApiException.invalid("attachments must be upload ids (numbers from POST /api/attachments)");
        }
        if (distinct.size() > MAX_PER_REPLY) {
            throw ApiException.invalid("A reply carries at most " + MAX_PER_REPLY + " attachments");
        }
        Map<Long, AttachmentRef> found = jdbc.sql("SELECT id, name, content_type, size_bytes, storage_key"
                        + " FROM message_attachment WHERE id IN (:ids) AND uploaded_by = :owner AND message_id IS NULL")
                .param("ids", distinct).param("owner", owner)
                .query((rs, row) -> Map.entry(rs.getLong("id"), new AttachmentRef(rs.getString("name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("storage_key"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Long> missing = distinct.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.invalid("attachments " + missing + " are not unsent uploads of yours: upload the"
                    + " file again with POST /api/attachments");
        }
        return distinct.stream().map(found::get).toList();
    }

    /**
     * Attaches the uploads to the stored reply {@code messageHubId}; call in the reply's transaction.
     *
     * @throws ApiException 409 when another reply took one of them meanwhile (the transaction rolls back)
     */
    public void claim(String owner, List<Long> ids, UUID messageHubId) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        int claimed = jdbc.sql("UPDATE message_attachment SET message_id = (SELECT id FROM message WHERE hub_id = :hub)"
                        + " WHERE id IN (:ids) AND uploaded_by = :owner AND message_id IS NULL")
                .param("hub", messageHubId).param("ids", distinct).param("owner", owner).update();
        if (claimed != distinct.size()) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "One of the attachments was sent with another"
                    + " reply meanwhile; upload it again");
        }
    }

    /** Removes an unsent upload of the owner (the chip's ×); false when there is none. */
    boolean discard(String owner, long id) {
        return jdbc.sql("DELETE FROM message_attachment WHERE id = :id AND uploaded_by = :owner AND message_id IS NULL")
                .param("id", id).param("owner", owner).update() == 1;
    }

    private ApiException tooLarge(long size) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "The file has " + size
                + " bytes; the limit is " + properties.maxSize().toBytes() + " bytes (" + properties.maxSize()
                + ", hub.inbox.uploads.max-size)");
    }
}
