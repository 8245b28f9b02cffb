package io.switchboard.inbox.crm;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Webhook deliveries on H2: claims by atomic conditional UPDATE with a lease. */
class H2WebhookPersistenceTest extends WebhookPersistenceContract {

    private final DataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:webhooks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    boolean skipLocked() {
        return false;
    }
}
