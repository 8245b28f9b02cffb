package io.switchboard.inbox.outbox;

import io.switchboard.inbox.support.PostgresTestSchema;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;

/** The event outbox on PostgreSQL, in a schema of its own ({@link PostgresTestSchema}). */
class PostgresOutboxTest extends OutboxContract {

    private final PostgresTestSchema schema = new PostgresTestSchema("ob");

    @Override
    DataSource dataSource() {
        return schema.dataSource();
    }

    @Override
    FluentConfiguration flyway(DataSource ds) {
        return super.flyway(ds).schemas(schema.name()).defaultSchema(schema.name());
    }

    @AfterEach
    void dropSchema() {
        schema.drop();
    }
}
