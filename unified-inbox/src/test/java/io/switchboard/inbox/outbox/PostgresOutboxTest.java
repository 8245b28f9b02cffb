package io.switchboard.inbox.outbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The event outbox on PostgreSQL, in a schema of its own. Runs when {@code SWITCHBOARD_TEST_POSTGRES_URL}
 * names a database the test may write to.
 */
class PostgresOutboxTest extends OutboxContract {

    private static final String URL = System.getenv("SWITCHBOARD_TEST_POSTGRES_URL");
    private final String schema = "ob_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    DataSource dataSource() {
        assumeTrue(URL != null && !URL.isBlank(), "SWITCHBOARD_TEST_POSTGRES_URL is not set: PostgreSQL outbox tests skipped");
        return new DriverManagerDataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    @Override
    FluentConfiguration flyway(DataSource ds) {
        return super.flyway(ds).schemas(schema).defaultSchema(schema);
    }

    @AfterEach
    void dropSchema() {
        if (URL != null && !URL.isBlank()) {
            JdbcClient.create(new DriverManagerDataSource(URL)).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        }
    }
}
