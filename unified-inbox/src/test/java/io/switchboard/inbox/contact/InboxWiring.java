package io.switchboard.inbox.contact;

import io.switchboard.core.spi.EventPublisher;
import io.switchboard.inbox.support.Database;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/** Builds the contact package's services for persistence tests in other packages. */
public final class InboxWiring {

    private InboxWiring() {
    }

    public record Identity(IdentityResolver resolver, ContactMerges merges, Suggestions suggestions) {
    }

    /** Open suggestions of a contact, as their candidate ids and reasons. */
    public interface Suggestions {
        java.util.List<String> openFor(long contactId);
    }

    /** Contact merges that tell routing (as in the app), for routing's tests. */
    public static ContactMerges merges(DataSource dataSource, JdbcClient jdbc, TransactionOperations tx,
                                       EventPublisher events, Clock clock,
                                       io.switchboard.inbox.routing.RoutingHooks routing) {
        IdentityKeys keys = new IdentityKeys(jdbc);
        ContactRepository contacts = new ContactRepository(new NamedParameterJdbcTemplate(dataSource),
                Database.of(dataSource));
        return new ContactMerges(tx, contacts, new MergeRepository(jdbc),
                new MergeSuggestions(jdbc, keys), events, clock, routing);
    }

    public static Identity identity(JdbcClient jdbc, TransactionOperations tx, ContactRepository contacts,
                                    EventPublisher events, Clock clock) {
        IdentityKeys keys = new IdentityKeys(jdbc);
        MergeSuggestions suggestions = new MergeSuggestions(jdbc, keys);
        return new Identity(new IdentityResolver(contacts, keys, suggestions),
                new ContactMerges(tx, contacts, new MergeRepository(jdbc), suggestions, events, clock),
                id -> suggestions.openFor(id).stream().map(s -> s.candidateId() + ": " + s.reason()).toList());
    }
}
