package io.switchboard.inbox.canned;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Canned responses on PostgreSQL, in a schema of the test's own; runs when SWITCHBOARD_TEST_POSTGRES_URL is set. */
class PostgresCannedResponsesTest extends CannedResponsesContract {

    private static final String URL = System.getenv("SWITCHBOARD_TEST_POSTGRES_URL");
    private final String schema = "cr_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    DataSource dataSource() {
        assumeTrue(URL != null && !URL.isBlank(), "SWITCHBOARD_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped");
        return new DriverManagerDataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    @Override
    String schema() {
        return schema;
    }
}
