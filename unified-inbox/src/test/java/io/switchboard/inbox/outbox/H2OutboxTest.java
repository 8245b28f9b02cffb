package io.switchboard.inbox.outbox;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The event outbox on H2. */
class H2OutboxTest extends OutboxContract {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
