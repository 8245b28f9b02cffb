package io.switchboard.inbox.conversation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The inbox rules on PostgreSQL. Runs when {@code SWITCHBOARD_TEST_POSTGRES_URL} names a database
 * the test may wipe, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/switchboard_test?user=switchboard&password=switchboard}.
 */
class PostgresInboxPersistenceTest extends InboundStatementsContract {

    static final String URL_VARIABLE = "SWITCHBOARD_TEST_POSTGRES_URL";
    private static final String URL = System.getenv(URL_VARIABLE);

    @BeforeAll
    static void explainSkip() {
        if (!configured()) {
            System.out.println("SKIPPED PostgresInboxPersistenceTest: set " + URL_VARIABLE
                    + " to a JDBC URL of a throw-away PostgreSQL database to run it");
        }
    }

    /** Called before each test, so every test is reported as skipped (not the class silently). */
    @Override
    DataSource dataSource() {
        assumeTrue(configured(), URL_VARIABLE + " is not set: PostgreSQL persistence tests skipped");
        return new DriverManagerDataSource(URL);
    }

    private static boolean configured() {
        return URL != null && !URL.isBlank();
    }
}
