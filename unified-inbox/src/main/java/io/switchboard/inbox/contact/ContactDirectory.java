package io.switchboard.inbox.contact;

import static io.switchboard.inbox.support.Sql.instant;
import static io.switchboard.inbox.support.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finding contacts by any identity or name, their details, and what agents edit on them. */
@Repository
class ContactDirectory {

    private final JdbcClient jdbc;
    private final ContactRepository contacts;

    ContactDirectory(JdbcClient jdbc, ContactRepository contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    /** Standing (not merged) contacts whose name or any identity contains {@code query}, ignoring case. */
    List<ContactView> search(String query, int limit) {
        String like = "%" + query.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        List<Long> ids = jdbc.sql("SELECT c.id FROM contact c WHERE c.merged_into IS NULL AND"
                        + " (LOWER(c.display_name) LIKE :q ESCAPE '\\' OR EXISTS (SELECT 1 FROM contact_identity i"
                        + " WHERE i.contact_id = c.id AND LOWER(i.address) LIKE :q ESCAPE '\\'))"
                        + " ORDER BY c.updated_at DESC, c.id DESC LIMIT :limit")
                .param("q", like).param("limit", limit).query(Long.class).list();
        Map<Long, ContactView> views = contacts.views(ids);
        return ids.stream().map(views::get).toList();
    }

    Optional<ContactDetails> details(long id) {
        Optional<ContactView> view = contacts.view(id);
        if (view.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT merged_into, created_at, updated_at FROM contact WHERE id = :id").param("id", id)
                .query((rs, row) -> new ContactDetails(id, view.get().displayName(), view.get().identities(),
                        rs.getObject("merged_into") == null ? null : rs.getLong("merged_into"),
                        instant(rs, "created_at"), instant(rs, "updated_at")))
                .optional();
    }

    boolean rename(long id, String displayName, Instant now) {
        return jdbc.sql("UPDATE contact SET display_name = :name, updated_at = :now WHERE id = :id")
                .param("name", displayName).param("now", ts(now)).param("id", id).update() > 0;
    }
}
