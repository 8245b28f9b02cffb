package io.switchboard.inbox.crm;

import io.switchboard.inbox.support.PostgresTestSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * Webhook deliveries on PostgreSQL: claims with {@code FOR UPDATE SKIP LOCKED}. In a schema of its own
 * ({@link PostgresTestSchema}).
 */
class PostgresWebhookPersistenceTest extends WebhookPersistenceContract {

    private final PostgresTestSchema schema = new PostgresTestSchema("wh");

    @Override
    DataSource dataSource() {
        return schema.dataSource();
    }

    @Override
    String schema() {
        return schema.name();
    }

    @Override
    boolean skipLocked() {
        return true;
    }

    @AfterEach
    void dropSchema() {
        schema.drop();
    }
}
