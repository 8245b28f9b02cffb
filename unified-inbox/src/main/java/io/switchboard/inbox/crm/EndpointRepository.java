package io.switchboard.inbox.crm;

import static io.switchboard.inbox.support.Sql.ts;

import io.switchboard.inbox.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code webhook_endpoint} table. Secrets and event types are stored space-separated. */
@Repository
class EndpointRepository {

    private static final String COLUMNS = "id, name, source, url, secrets, event_types, enabled, disabled_reason,"
            + " created_at, updated_at";

    private final JdbcClient jdbc;

    EndpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Endpoint> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint ORDER BY id").query(EndpointRepository::map).list();
    }

    /** Whether any subscription exists, enabled or not. */
    boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_endpoint").query(Long.class).single() > 0;
    }

    Optional<Endpoint> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = :id").param("id", id)
                .query(EndpointRepository::map).optional();
    }

    Optional<Endpoint> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE name = :name").param("name", name)
                .query(EndpointRepository::map).optional();
    }

    long insert(String name, String source, String url, List<String> secrets, Set<String> types, boolean enabled) {
        KeyHolder key = new GeneratedKeyHolder();
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO webhook_endpoint (name, source, url, secrets, event_types, enabled, created_at, updated_at)"
                        + " VALUES (:name, :source, :url, :secrets, :types, :enabled, :now, :now)")
                .param("name", name).param("source", source).param("url", url)
                .param("secrets", String.join(" ", secrets)).param("types", String.join(" ", types))
                .param("enabled", enabled).param("now", ts(now))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** Replaces the settings; a changed URL clears a "gone" disabling, since it is another receiver. */
    void update(long id, String url, List<String> secrets, Set<String> types, boolean enabled) {
        jdbc.sql("UPDATE webhook_endpoint SET disabled_reason = CASE WHEN url = :url THEN disabled_reason END,"
                        + " url = :url, secrets = :secrets, event_types = :types, enabled = :enabled, updated_at = :now"
                        + " WHERE id = :id")
                .param("url", url).param("secrets", String.join(" ", secrets)).param("types", String.join(" ", types))
                .param("enabled", enabled).param("now", ts(Instant.now())).param("id", id)
                .update();
    }

    /** Stops sending to the endpoint until an admin enables it again (e.g. it answered 410 Gone). */
    void disable(long id, String reason) {
        jdbc.sql("UPDATE webhook_endpoint SET disabled_reason = :reason, updated_at = :now WHERE id = :id")
                .param("reason", reason).param("now", ts(Instant.now())).param("id", id).update();
    }

    void enable(long id) {
        jdbc.sql("UPDATE webhook_endpoint SET enabled = TRUE, disabled_reason = NULL, updated_at = :now WHERE id = :id")
                .param("now", ts(Instant.now())).param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM webhook_attempt WHERE delivery_id IN (SELECT id FROM webhook_delivery WHERE endpoint_id = :id)")
                .param("id", id).update();
        jdbc.sql("DELETE FROM webhook_delivery WHERE endpoint_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM webhook_endpoint WHERE id = :id").param("id", id).update();
    }

    private static Endpoint map(ResultSet rs, int row) throws SQLException {
        return new Endpoint(rs.getLong("id"), rs.getString("name"), rs.getString("source"), rs.getString("url"),
                split(rs.getString("secrets")).stream().toList(), split(rs.getString("event_types")),
                rs.getBoolean("enabled"), rs.getString("disabled_reason"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    private static Set<String> split(String value) {
        Set<String> parts = new LinkedHashSet<>();
        if (value != null) {
            Arrays.stream(value.split(" ")).filter(s -> !s.isBlank()).forEach(parts::add);
        }
        return parts;
    }
}
