package io.switchboard.inbox.contact;

import static io.switchboard.inbox.support.Sql.ts;

import io.switchboard.core.model.ChannelAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Merge keys of contacts (external ids, e-mail addresses) and moving identities between contacts. */
@Repository
class IdentityKeys {

    private final JdbcClient jdbc;

    IdentityKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> owner(String kind, String account, String address) {
        return jdbc.sql("SELECT contact_id FROM contact_identity WHERE channel = :kind AND account = :account"
                        + " AND address = :address")
                .param("kind", kind).param("account", account).param("address", address)
                .query(Long.class).optional();
    }

    /** The first contact holding the address as a mailbox sender or a verified e-mail. */
    Optional<Long> ownerOfEmail(String email) {
        return holdersOfEmail(email).stream().findFirst();
    }

    List<Long> holdersOfEmail(String email) {
        return jdbc.sql("SELECT DISTINCT contact_id FROM contact_identity WHERE channel IN ('EMAIL', :verified)"
                        + " AND address_key = LOWER(:email) ORDER BY contact_id")
                .param("verified", IdentityKinds.VERIFIED_EMAIL).param("email", email)
                .query(Long.class).list();
    }

    /** Whether the contact holds an external id of this site other than {@code identifier}. */
    boolean holdsOtherExternalId(long contactId, String site, String identifier) {
        return jdbc.sql("SELECT COUNT(*) FROM contact_identity WHERE contact_id = :contact AND channel = :kind"
                        + " AND account = :site AND address <> :identifier")
                .param("contact", contactId).param("kind", IdentityKinds.EXTERNAL_ID).param("site", site)
                .param("identifier", identifier).query(Long.class).single() > 0;
    }

    /** Adds a key to the contact unless some contact holds it already. */
    void ensure(long contactId, String kind, String account, String address, Instant now) {
        if (owner(kind, account, address).isPresent()) {
            return;
        }
        ContactRepository.insertIdentity(jdbc, contactId, kind, account, address, now);
    }

    /** Hands a channel identity to another contact (a widget visitor who signed in as a known customer). */
    void move(ChannelAddress identity, long contactId) {
        jdbc.sql("UPDATE contact_identity SET contact_id = :contact WHERE channel = :channel AND account = :account"
                        + " AND address = :address")
                .param("contact", contactId).param("channel", identity.channel().name())
                .param("account", identity.account()).param("address", identity.address()).update();
    }

    /** A contact without identities yet; the caller gives it one in the same transaction. */
    long createContact(String displayName, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO contact (display_name, created_at, updated_at) VALUES (:name, :now, :now)")
                .param("name", displayName).param("now", ts(now)).update(key, "id");
        return key.getKeyAs(Long.class);
    }
}
