package io.switchboard.inbox.contact;

import static io.switchboard.inbox.support.Sql.instant;
import static io.switchboard.inbox.support.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Merges and splits. A merge moves the source's identities and conversations to the target and
 * records each moved row, so a split moves back exactly those that are still there.
 */
@Repository
class MergeRepository {

    static final String IDENTITY = "IDENTITY";
    static final String CONVERSATION = "CONVERSATION";
    private static final String SELECT = "SELECT id, target_id, source_id, merged_by, reason, merged_at, split_by,"
            + " split_reason, split_at FROM contact_merge";
    private static final String MOVE = "UPDATE %s SET contact_id = :to WHERE contact_id = :from AND id IN"
            + " (SELECT ref_id FROM contact_merge_item WHERE merge_id = :merge AND kind = :kind)";

    private final JdbcClient jdbc;

    MergeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Null when the contact does not exist; else its merged_into (0 when it stands on its own). */
    Long mergedInto(long contactId) {
        return jdbc.sql("SELECT COALESCE(merged_into, 0) FROM contact WHERE id = :id").param("id", contactId)
                .query(Long.class).optional().orElse(null);
    }

    long merge(long target, long source, String by, String reason, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO contact_merge (target_id, source_id, merged_by, reason, merged_at)"
                        + " VALUES (:target, :source, :by, :reason, :now)")
                .param("target", target).param("source", source).param("by", by).param("reason", reason)
                .param("now", ts(now)).update(key, "id");
        long merge = key.getKeyAs(Long.class);
        record(merge, IDENTITY, "contact_identity", source);
        record(merge, CONVERSATION, "conversation", source);
        move(merge, IDENTITY, "contact_identity", source, target);
        move(merge, CONVERSATION, "conversation", source, target);
        setMergedInto(source, target, now);
        return merge;
    }

    void split(MergeView merge, String by, String reason, Instant now) {
        move(merge.id(), IDENTITY, "contact_identity", merge.contactId(), merge.mergedContactId());
        move(merge.id(), CONVERSATION, "conversation", merge.contactId(), merge.mergedContactId());
        setMergedInto(merge.mergedContactId(), null, now);
        jdbc.sql("UPDATE contact_merge SET split_by = :by, split_reason = :reason, split_at = :now WHERE id = :id")
                .param("by", by).param("reason", reason).param("now", ts(now)).param("id", merge.id()).update();
    }

    Optional<MergeView> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(MergeRepository::map).optional();
    }

    /** Merges into or of the contact, newest first. */
    List<MergeView> ofContact(long contactId) {
        return jdbc.sql(SELECT + " WHERE target_id = :id OR source_id = :id ORDER BY id DESC")
                .param("id", contactId).query(MergeRepository::map).list();
    }

    private void record(long merge, String kind, String table, long source) {
        jdbc.sql("INSERT INTO contact_merge_item (merge_id, kind, ref_id) SELECT :merge, :kind, id FROM " + table
                        + " WHERE contact_id = :source")
                .param("merge", merge).param("kind", kind).param("source", source).update();
    }

    private void move(long merge, String kind, String table, long from, long to) {
        jdbc.sql(MOVE.formatted(table)).param("to", to).param("from", from).param("merge", merge)
                .param("kind", kind).update();
    }

    private void setMergedInto(long contact, Long into, Instant now) {
        if (into == null) {
            jdbc.sql("UPDATE contact SET merged_into = NULL, updated_at = :now WHERE id = :id")
                    .param("now", ts(now)).param("id", contact).update();
        } else {
            jdbc.sql("UPDATE contact SET merged_into = :into, updated_at = :now WHERE id = :id")
                    .param("into", into).param("now", ts(now)).param("id", contact).update();
        }
    }

    private static MergeView map(ResultSet rs, int row) throws SQLException {
        return new MergeView(rs.getLong("id"), rs.getLong("target_id"), rs.getLong("source_id"),
                rs.getString("merged_by"), rs.getString("reason"), instant(rs, "merged_at"), rs.getString("split_by"),
                rs.getString("split_reason"), instant(rs, "split_at"));
    }
}
