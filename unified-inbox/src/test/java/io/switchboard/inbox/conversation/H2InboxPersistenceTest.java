package io.switchboard.inbox.conversation;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The inbox rules on H2 2.x in its default mode, as the embedded hub runs it. */
class H2InboxPersistenceTest extends InboundStatementsContract {

    private final DataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:inbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
