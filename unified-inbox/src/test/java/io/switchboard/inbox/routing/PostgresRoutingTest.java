package io.switchboard.inbox.routing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Routing on PostgreSQL. Runs when {@code SWITCHBOARD_TEST_POSTGRES_URL} names a database the test may
 * wipe, e.g. {@code jdbc:postgresql://127.0.0.1:5432/switchboard_test?user=switchboard&password=switchboard}.
 */
class PostgresRoutingTest extends RoutingContract {

    static final String URL_VARIABLE = "SWITCHBOARD_TEST_POSTGRES_URL";
    private static final String URL = System.getenv(URL_VARIABLE);

    @BeforeAll
    static void explainSkip() {
        if (!configured()) {
            System.out.println("SKIPPED PostgresRoutingTest: set " + URL_VARIABLE
                    + " to a JDBC URL of a throw-away PostgreSQL database to run it");
        }
    }

    @Override
    DataSource dataSource() {
        assumeTrue(configured(), URL_VARIABLE + " is not set: PostgreSQL routing tests skipped");
        return new DriverManagerDataSource(URL);
    }

    private static boolean configured() {
        return URL != null && !URL.isBlank();
    }
}
