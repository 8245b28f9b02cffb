package io.switchboard.inbox.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A PostgreSQL schema of one test's own, in the database {@code SWITCHBOARD_TEST_POSTGRES_URL} names
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/switchboard_test?user=switchboard&password=switchboard}),
 * so parallel builds on one database never clean each other's tables. Without the variable the test
 * that asks for the data source is skipped, and reported as such.
 */
public final class PostgresTestSchema {

    public static final String URL_VARIABLE = "SWITCHBOARD_TEST_POSTGRES_URL";
    private static final String URL = System.getenv(URL_VARIABLE);

    private final String name;

    /** @param prefix a few letters naming the tests, so a schema left behind says whose it is */
    public PostgresTestSchema(String prefix) {
        this.name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public String name() {
        return name;
    }

    /** Connections whose search path is the schema; skips the calling test when no database is configured. */
    public DataSource dataSource() {
        assumeTrue(configured(), URL_VARIABLE + " is not set: PostgreSQL tests skipped");
        return new DriverManagerDataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name);
    }

    /** Drops the schema and everything in it (nothing to do when no database is configured). */
    public void drop() {
        if (configured()) {
            JdbcClient.create(new DriverManagerDataSource(URL)).sql("DROP SCHEMA IF EXISTS " + name + " CASCADE")
                    .update();
        }
    }

    private static boolean configured() {
        return URL != null && !URL.isBlank();
    }
}
