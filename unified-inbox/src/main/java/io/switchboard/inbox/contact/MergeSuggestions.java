package io.switchboard.inbox.contact;

import static io.switchboard.inbox.support.Sql.instant;
import static io.switchboard.inbox.support.Sql.ts;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Merges the hub does not make on its own: a visitor typed an e-mail or the site sent an unsigned
 * identifier that another contact holds. Agents see them on the contact and the conversation and
 * merge (or dismiss) by hand. One suggestion per pair of contacts, ever: a dismissed one stays dismissed.
 */
@Repository
class MergeSuggestions {

    static final String OPEN = "OPEN";
    static final String DISMISSED = "DISMISSED";
    static final String ACCEPTED = "ACCEPTED";

    private final JdbcClient jdbc;
    private final IdentityKeys keys;

    MergeSuggestions(JdbcClient jdbc, IdentityKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Records a suggestion for each other contact holding one of the claims' unverified keys. */
    void offer(long contactId, VisitorClaims claims, Instant now) {
        Set<Long> candidates = new LinkedHashSet<>();
        String reason = null;
        if (claims.email() != null && !claims.emailVerified()) {
            List<Long> holders = keys.holdersOfEmail(claims.email());
            candidates.addAll(holders);
            reason = "The visitor gave the e-mail " + claims.email() + " (not verified)";
        }
        if (claims.identifier() != null && !claims.identifierVerified()) {
            keys.owner(IdentityKinds.EXTERNAL_ID, claims.site(), claims.identifier()).ifPresent(candidates::add);
            reason = (reason == null ? "The site named the visitor " : reason + " and the site named them ")
                    + claims.identifier() + " without a signature";
        }
        candidates.remove(contactId);
        for (long candidate : candidates) {
            if (!exists(contactId, candidate)) {
                jdbc.sql("INSERT INTO merge_suggestion (contact_id, candidate_id, reason, status, created_at)"
                                + " VALUES (:contact, :candidate, :reason, :status, :now)")
                        .param("contact", contactId).param("candidate", candidate)
                        .param("reason", reason + ", which contact " + candidate + " holds").param("status", OPEN)
                        .param("now", ts(now)).update();
            }
        }
    }

    private boolean exists(long contactId, long candidate) {
        return jdbc.sql("SELECT COUNT(*) FROM merge_suggestion WHERE (contact_id = :a AND candidate_id = :b)"
                        + " OR (contact_id = :b AND candidate_id = :a)")
                .param("a", contactId).param("b", candidate).query(Long.class).single() > 0;
    }

    /** Open suggestions involving the contact, either side. */
    List<SuggestionView> openFor(long contactId) {
        return jdbc.sql("SELECT id, contact_id, candidate_id, reason, status, created_at FROM merge_suggestion"
                        + " WHERE (contact_id = :id OR candidate_id = :id) AND status = :open ORDER BY id")
                .param("id", contactId).param("open", OPEN)
                .query((rs, row) -> {
                    long contact = rs.getLong("contact_id");
                    long candidate = rs.getLong("candidate_id");
                    return new SuggestionView(rs.getLong("id"), contactId, contact == contactId ? candidate : contact,
                            rs.getString("reason"), rs.getString("status").toLowerCase(), instant(rs, "created_at"));
                }).list();
    }

    Optional<Long> contactOfConversation(long conversationId) {
        return jdbc.sql("SELECT contact_id FROM conversation WHERE id = :id").param("id", conversationId)
                .query(Long.class).optional();
    }

    /** @return whether an open suggestion involving the contact was closed */
    boolean close(long suggestionId, long contactId, String status) {
        return jdbc.sql("UPDATE merge_suggestion SET status = :status WHERE id = :id AND status = :open"
                        + " AND (contact_id = :contact OR candidate_id = :contact)")
                .param("status", status).param("id", suggestionId).param("open", OPEN).param("contact", contactId)
                .update() > 0;
    }

    /** After a merge: suggestions between the two are settled. */
    void accepted(long a, long b) {
        jdbc.sql("UPDATE merge_suggestion SET status = :accepted WHERE status = :open AND"
                        + " ((contact_id = :a AND candidate_id = :b) OR (contact_id = :b AND candidate_id = :a))")
                .param("accepted", ACCEPTED).param("open", OPEN).param("a", a).param("b", b).update();
    }
}
