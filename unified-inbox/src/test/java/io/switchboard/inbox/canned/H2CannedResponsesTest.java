package io.switchboard.inbox.canned;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Canned responses on H2. */
class H2CannedResponsesTest extends CannedResponsesContract {

    private final DataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:canned-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
