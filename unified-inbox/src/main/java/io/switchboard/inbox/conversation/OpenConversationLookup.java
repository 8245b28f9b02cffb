package io.switchboard.inbox.conversation;

import io.switchboard.inbox.contact.ContactRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A customer's open conversation ({@link ConversationRepository#findOpen}), asked for on PostgreSQL in the
 * round trip that locks the contact ({@link ContactRepository#lockByIdentity(io.switchboard.core.model.ChannelAddress,
 * ContactRepository.AfterLock)}): a customer message of a known customer then takes one round trip to the
 * database less. The query finds the contact by the message's identity; its answer is used only for the contact
 * that identity belonged to when it ran, which is the contact locked unless the identity was moved to another
 * in between. Otherwise, and on H2, {@link #findOpen} asks the database itself. One per inbound message.
 */
final class OpenConversationLookup implements ContactRepository.AfterLock {

    private static final String SQL = "SELECT i.contact_id AS owner, o.* FROM contact_identity i LEFT JOIN LATERAL ("
            + ConversationRepository.openOf("i.contact_id") + ") o ON TRUE"
            + " WHERE i.channel = :channel AND i.account = :account AND i.address = :address";

    private final ConversationRepository conversations;
    private long owner = -1;
    private ConversationRecord open;

    OpenConversationLookup(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    @Override
    public String sql() {
        return SQL;
    }

    @Override
    public void read(ResultSet rows) throws SQLException {
        if (rows.next()) {
            owner = rows.getLong("owner");
            open = rows.getObject("id") == null ? null : ConversationRepository.map(rows, 0);
        }
    }

    /** The contact's open conversation: the answer that came with its lock if there is one, else asked now. */
    Optional<ConversationRecord> findOpen(long contactId) {
        return owner == contactId ? Optional.ofNullable(open) : conversations.findOpen(contactId);
    }
}
