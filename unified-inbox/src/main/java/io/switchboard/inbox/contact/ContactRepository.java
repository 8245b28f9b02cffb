package io.switchboard.inbox.contact;

import static io.switchboard.inbox.support.Sql.ts;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.inbox.support.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Contacts and their channel identities. */
@Repository
public class ContactRepository {

    private final NamedParameterJdbcOperations named;
    private final JdbcClient jdbc;
    private final boolean h2;

    public ContactRepository(NamedParameterJdbcOperations named, Database database) {
        this.named = named;
        this.jdbc = JdbcClient.create(named);
        this.h2 = database == Database.H2;
    }

    public Optional<Long> findByIdentity(ChannelAddress address) {
        return jdbc.sql("SELECT contact_id FROM contact_identity"
                        + " WHERE channel = :channel AND account = :account AND address = :address")
                .param("channel", address.channel().name())
                .param("account", address.account())
                .param("address", address.address())
                .query(Long.class)
                .optional();
    }

    /** A contact found by a channel identity and locked; {@code displayName} as stored (null while unnamed). */
    public record Locked(long id, String displayName) {
    }

    private static final String CONTACT_OF_IDENTITY = "(SELECT contact_id FROM contact_identity"
            + " WHERE channel = :channel AND account = :account AND address = :address)";
    private static final String LOCK_BY_IDENTITY = "SELECT id, display_name FROM contact WHERE id = "
            + CONTACT_OF_IDENTITY + " FOR UPDATE";
    /**
     * H2 parses a {@code SELECT … FOR UPDATE} again on every execution (it never keeps one in its
     * statement cache), which made this one statement an eighth of the inbox consumer's CPU. An
     * {@code UPDATE} that changes nothing takes the same row lock, is kept parsed, and hands the
     * columns back as generated keys.
     */
    private static final String LOCK_BY_IDENTITY_H2 = "UPDATE contact SET updated_at = updated_at WHERE id = "
            + CONTACT_OF_IDENTITY;

    /**
     * {@link #findByIdentity} and {@link #lock} in one statement: the contact holding the identity,
     * its row locked until the transaction ends (the identity row is only read, as before).
     */
    public Optional<Locked> lockByIdentity(ChannelAddress address) {
        return lockByIdentity(address, null);
    }

    /**
     * A query about the contact that a caller needs right after locking it. On PostgreSQL it travels with
     * the lock in one round trip ({@link #lockByIdentity(ChannelAddress, AfterLock)}): two statements, the
     * second one run once the lock is held, with a snapshot of its own (the database's read-committed
     * isolation takes one per statement), so it sees what the transaction that held the lock before
     * committed, as a query sent after the lock would. It knows the contact only by the identity, bound as
     * {@code :channel}, {@code :account} and {@code :address}.
     */
    public interface AfterLock {

        /** One SQL statement, without a terminating semicolon. */
        String sql();

        /** Called with the statement's result when it ran; not called on H2, where nothing travels along. */
        void read(ResultSet rows) throws SQLException;
    }

    /**
     * {@link #lockByIdentity(ChannelAddress)}, and on PostgreSQL {@code afterLock}'s query in the same round
     * trip: the database runs it after the lock is held. On H2, in the hub's own process, a round trip costs
     * nothing, and the query is not run: the caller asks its question when it needs the answer.
     */
    public Optional<Locked> lockByIdentity(ChannelAddress address, AfterLock afterLock) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("channel", address.channel().name())
                .addValue("account", address.account())
                .addValue("address", address.address());
        if (h2) {
            return lockOnH2(params);
        }
        if (afterLock == null) {
            return named.query(LOCK_BY_IDENTITY, params, ContactRepository::locked).stream().findFirst();
        }
        return named.execute(LOCK_BY_IDENTITY + ";\n" + afterLock.sql(), params, statement -> {
            statement.execute();
            Optional<Locked> locked;
            try (ResultSet rows = statement.getResultSet()) {
                locked = rows.next() ? Optional.of(locked(rows, 0)) : Optional.empty();
            }
            if (!statement.getMoreResults()) {
                throw new IllegalStateException("No result for the query sent with the contact's lock: "
                        + afterLock.sql());
            }
            try (ResultSet rows = statement.getResultSet()) {
                afterLock.read(rows);
            }
            return locked;
        });
    }

    private static Locked locked(ResultSet rs, int row) throws SQLException {
        return new Locked(rs.getLong("id"), rs.getString("display_name"));
    }

    private Optional<Locked> lockOnH2(MapSqlParameterSource params) {
        KeyHolder locked = new GeneratedKeyHolder();
        if (named.update(LOCK_BY_IDENTITY_H2, params, locked, new String[] {"id", "display_name"}) == 0) {
            return Optional.empty();
        }
        Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.putAll(locked.getKeys());
        return Optional.of(new Locked(((Number) row.get("id")).longValue(), (String) row.get("display_name")));
    }

    /**
     * A contact known by the same verified key on a sibling channel: the same E.164 phone on SMS and
     * WhatsApp (any of our numbers), the same email address on any of our mailboxes (or verified by a
     * signed widget identity). Page-scoped ids
     * (Messenger, Instagram) and widget visitors never match across accounts.
     */
    public Optional<Long> findBySharedKey(ChannelAddress address) {
        List<String> family = switch (address.channel()) {
            case SMS, WHATSAPP -> List.of("SMS", "WHATSAPP");
            case EMAIL -> List.of("EMAIL", IdentityKinds.VERIFIED_EMAIL);
            default -> List.of();
        };
        if (family.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT contact_id FROM contact_identity WHERE channel IN (:family)"
                        + " AND address_key = LOWER(:address) ORDER BY id LIMIT 1")
                .param("family", family)
                .param("address", address.address())
                .query(Long.class)
                .list().stream().findFirst();
    }

    /** Adds an identity to a contact (a new channel or account of a known customer). */
    public void addIdentity(long contactId, ChannelAddress address, Instant now) {
        insertIdentity(jdbc, contactId, address.channel().name(), address.account(), address.address(), now);
    }

    /**
     * The one statement that writes an identity, channel or kind ({@link IdentityKinds}). It also writes
     * {@code address_key}, the lower-cased address that the look-ups by address ignoring case compare
     * (migration V52): H2 has no index on an expression, and no generated-column syntax that PostgreSQL accepts
     * too, so the column is written here, lower-cased by the database as the look-ups lower-case their side.
     */
    static void insertIdentity(JdbcClient jdbc, long contactId, String channel, String account, String address,
                               Instant now) {
        jdbc.sql("INSERT INTO contact_identity (contact_id, channel, account, address, address_key, created_at)"
                        + " VALUES (:contact, :channel, :account, :address, LOWER(:address), :now)")
                .param("contact", contactId)
                .param("channel", channel)
                .param("account", account)
                .param("address", address)
                .param("now", ts(now))
                .update();
    }

    /**
     * Creates a contact with one identity.
     *
     * @throws org.springframework.dao.DuplicateKeyException when another transaction created that
     *         identity first; the caller retries its whole transaction
     */
    public long create(String displayName, ChannelAddress address, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO contact (display_name, created_at, updated_at) VALUES (:name, :now, :now)")
                .param("name", displayName)
                .param("now", ts(now))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        addIdentity(id, address, now);
        return id;
    }

    /** Locks the contact row until the transaction ends: serializes everything that threads its messages. */
    public void lock(long contactId) {
        jdbc.sql("SELECT id FROM contact WHERE id = :id FOR UPDATE").param("id", contactId).query(Long.class).single();
    }

    /** Fills in a name learned later (the first message may have come without one). */
    public void nameIfUnnamed(long contactId, String displayName, Instant now) {
        if (displayName == null || displayName.isBlank()) {
            return;
        }
        jdbc.sql("UPDATE contact SET display_name = :name, updated_at = :now WHERE id = :id AND display_name IS NULL")
                .param("name", displayName)
                .param("now", ts(now))
                .param("id", contactId)
                .update();
    }

    public Optional<ContactView> view(long contactId) {
        return Optional.ofNullable(views(List.of(contactId)).get(contactId));
    }

    /** Contacts by id with their identities, in two queries. */
    public Map<Long, ContactView> views(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<IdentityView>> identities = new HashMap<>();
        jdbc.sql("SELECT contact_id, channel, account, address FROM contact_identity"
                        + " WHERE contact_id IN (:ids) ORDER BY id")
                .param("ids", contactIds)
                .query((RowCallbackHandler) rs -> identities
                        .computeIfAbsent(rs.getLong("contact_id"), k -> new ArrayList<>())
                        .add(new IdentityView(rs.getString("channel"), rs.getString("account"),
                                rs.getString("address"))));
        Map<Long, ContactView> views = new LinkedHashMap<>();
        jdbc.sql("SELECT id, display_name, crm_attributes FROM contact WHERE id IN (:ids)")
                .param("ids", contactIds)
                .query((RowCallbackHandler) rs -> {
                    long id = rs.getLong("id");
                    List<IdentityView> own = identities.getOrDefault(id, List.of());
                    views.put(id, new ContactView(id, displayName(rs.getString("display_name"), own), own,
                            CrmAttributes.read(rs.getString("crm_attributes"))));
                });
        return views;
    }

    /** Stores what the CRM lookup returned for the contact (a JSON object), replacing what was there. */
    public void storeCrmAttributes(long contactId, String json, Instant now) {
        jdbc.sql("UPDATE contact SET crm_attributes = :json, updated_at = :now WHERE id = :id")
                .param("json", json)
                .param("now", ts(now))
                .param("id", contactId)
                .update();
    }

    private static String displayName(String stored, List<IdentityView> identities) {
        if (stored != null && !stored.isBlank()) {
            return stored;
        }
        return identities.isEmpty() ? "Unknown" : identities.get(0).address();
    }
}
