package io.switchboard.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The vertical slice on PostgreSQL, the production database; skipped when no PostgreSQL is configured. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebChatConversationOnPostgresIT extends WebChatConversationContract {

    private Hub.Database postgres;

    @BeforeAll
    @Override
    void startHub() {
        postgres = Hub.Database.postgresOrNull();
        if (postgres == null) {
            System.out.println("SKIPPED WebChatConversationOnPostgresIT: set " + Hub.Database.POSTGRES_URL_ENV
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/switchboard_test?user=switchboard&password=switchboard)"
                    + " to run it; .ci/run does");
        }
        assumeTrue(postgres != null, Hub.Database.POSTGRES_URL_ENV + " is not set: PostgreSQL tests skipped");
        super.startHub();
    }

    @Override
    Hub.Database database() {
        return postgres;
    }
}
