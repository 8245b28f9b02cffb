package io.switchboard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/** The hub's database for one run: its embedded H2 default, or PostgreSQL in a fresh schema. */
record Database(String name, Map<String, String> properties, String jdbcUrl, String schema) {

    static Database h2() {
        return new Database("H2", Map.of(), null, null);
    }

    static Database postgres(String url) {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Database("PostgreSQL", Map.of(
                "spring.datasource.url", withSchema,
                "spring.flyway.schemas", schema,
                "spring.flyway.default-schema", schema), url, schema);
    }

    /** Drops the run's schema (PostgreSQL); H2's file goes with the data directory. */
    void dropSchema() {
        if (schema == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("Could not drop schema " + schema + ": " + e.getMessage());
        }
    }
}
