package io.switchboard.inbox.canned;

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

/** Canned responses: a user's own plus every shared one. */
@Repository
class CannedResponseRepository {

    private static final String COLUMNS = "id, shortcut, text, shared, owner, created_at, updated_at";

    private final JdbcClient jdbc;

    CannedResponseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CannedResponse> visibleTo(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM canned_response WHERE shared = TRUE OR owner = :owner"
                        + " ORDER BY shortcut, id")
                .param("owner", username).query(CannedResponseRepository::row).list();
    }

    Optional<CannedResponse> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM canned_response WHERE id = :id")
                .param("id", id).query(CannedResponseRepository::row).optional();
    }

    boolean shortcutTaken(String owner, String shortcut, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM canned_response WHERE owner = :owner AND shortcut = :shortcut"
                        + " AND id <> :id")
                .param("owner", owner).param("shortcut", shortcut).param("id", exceptId)
                .query(Long.class).single() > 0;
    }

    CannedResponse add(String owner, String shortcut, String text, boolean shared, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO canned_response (shortcut, text, shared, owner, created_at, updated_at)"
                        + " VALUES (:shortcut, :text, :shared, :owner, :now, :now)")
                .param("shortcut", shortcut).param("text", text).param("shared", shared).param("owner", owner)
                .param("now", ts(now)).update(key, "id");
        return new CannedResponse(key.getKeyAs(Long.class), shortcut, text, shared, owner, now, now);
    }

    void update(long id, String shortcut, String text, boolean shared, Instant now) {
        jdbc.sql("UPDATE canned_response SET shortcut = :shortcut, text = :text, shared = :shared,"
                        + " updated_at = :now WHERE id = :id")
                .param("shortcut", shortcut).param("text", text).param("shared", shared).param("now", ts(now))
                .param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM canned_response WHERE id = :id").param("id", id).update();
    }

    private static CannedResponse row(ResultSet rs, int row) throws SQLException {
        return new CannedResponse(rs.getLong("id"), rs.getString("shortcut"), rs.getString("text"),
                rs.getBoolean("shared"), rs.getString("owner"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
