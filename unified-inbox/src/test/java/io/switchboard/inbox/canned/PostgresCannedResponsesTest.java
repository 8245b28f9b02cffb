package io.switchboard.inbox.canned;

import io.switchboard.inbox.support.PostgresTestSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** Canned responses on PostgreSQL, in a schema of the test's own ({@link PostgresTestSchema}). */
class PostgresCannedResponsesTest extends CannedResponsesContract {

    private final PostgresTestSchema schema = new PostgresTestSchema("cr");

    @Override
    DataSource dataSource() {
        return schema.dataSource();
    }

    @Override
    String schema() {
        return schema.name();
    }

    @AfterEach
    void dropSchema() {
        schema.drop();
    }
}
