package io.switchboard.inbox.crm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Webhook deliveries on PostgreSQL: claims with {@code FOR UPDATE SKIP LOCKED}. Runs when
 * {@code SWITCHBOARD_TEST_POSTGRES_URL} names a database the test may wipe.
 */
class PostgresWebhookPersistenceTest extends WebhookPersistenceContract {

    private static final String URL = System.getenv("SWITCHBOARD_TEST_POSTGRES_URL");
    private final String schema = "wh_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    DataSource dataSource() {
        assumeTrue(URL != null && !URL.isBlank(), "SWITCHBOARD_TEST_POSTGRES_URL is not set: PostgreSQL webhook tests skipped");
        return new DriverManagerDataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    @Override
    String schema() {
        return schema;
    }

    @Override
    boolean skipLocked() {
        return true;
    }
}
