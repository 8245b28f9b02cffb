package io.switchboard.inbox.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The inbox rules on H2 2.x in its default mode, as the embedded hub runs it. */
class H2InboxPersistenceTest extends InboundStatementsContract {

    private final DataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:inbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Threading by In-Reply-To and References and provider callbacks look messages up by channel and
     * provider id alone: the provider id's unique key (provider id second) serves them, no index of its own.
     */
    @Test
    void aLookUpByChannelAndProviderIdUsesTheUniqueKey() {
        String plan = jdbc.sql("EXPLAIN SELECT conversation_id FROM message WHERE channel = 'EMAIL'"
                + " AND provider_id IN ('<a@example.org>', '<b@example.org>')").query(String.class).single();

        assertThat(plan).contains("UQ_MESSAGE_PROVIDER").doesNotContain("tableScan");
    }
}
