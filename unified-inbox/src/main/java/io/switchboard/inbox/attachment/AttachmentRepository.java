package io.switchboard.inbox.attachment;

import io.switchboard.core.model.AttachmentRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Attachment references of messages (the bytes live in the attachment store). */
@Repository
public class AttachmentRepository {

    private final JdbcClient jdbc;

    public AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the attachments as {@link #ofMessages} would read them back, in the same order */
    public List<AttachmentView> insert(long messageId, List<AttachmentRef> attachments) {
        List<AttachmentView> inserted = new ArrayList<>(attachments.size());
        for (AttachmentRef a : attachments) {
            String name = a.name() == null ? "attachment" : a.name();
            String type = a.contentType() == null ? "application/octet-stream" : a.contentType();
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO message_attachment (message_id, name, content_type, size_bytes, storage_key)"
                            + " VALUES (:message, :name, :type, :size, :key)")
                    .param("message", messageId)
                    .param("name", name)
                    .param("type", type)
                    .param("size", a.size())
                    .param("key", a.storageKey())
                    .update(key, "id");
            inserted.add(view(key.getKeyAs(Long.class), name, type, a.size()));
        }
        return inserted;
    }

    private static AttachmentView view(long id, String name, String contentType, long size) {
        return new AttachmentView(id, name, contentType, size, "/api/attachments/" + id);
    }

    /** Attachments of messages by the messages' database ids, in insertion order. */
    public Map<Long, List<AttachmentView>> ofMessages(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<AttachmentView>> found = new HashMap<>();
        jdbc.sql("SELECT id, message_id, name, content_type, size_bytes FROM message_attachment"
                        + " WHERE message_id IN (:ids) ORDER BY id")
                .param("ids", messageIds)
                .query((RowCallbackHandler) rs -> found.computeIfAbsent(rs.getLong("message_id"), k -> new ArrayList<>())
                        .add(view(rs.getLong("id"), rs.getString("name"), rs.getString("content_type"),
                                rs.getLong("size_bytes"))));
        return found;
    }

    /** The stored attachment behind a download link. */
    Optional<Stored> find(long id) {
        return jdbc.sql("SELECT name, content_type, size_bytes, storage_key, message_id, uploaded_by"
                        + " FROM message_attachment WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> new Stored(rs.getString("name"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getString("storage_key"),
                        rs.getObject("message_id") == null ? rs.getString("uploaded_by") : null))
                .optional();
    }

    /** @param unsentUploadOf set while the file is an agent's upload no reply carries yet: only they see it */
    record Stored(String name, String contentType, long size, String storageKey, String unsentUploadOf) {
    }
}
