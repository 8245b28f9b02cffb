package io.switchboard.it;

import io.switchboard.inbox.SwitchboardApplication;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole hub (the real application: embedded Artemis, database, Camel routes, web chat) started in
 * this JVM on a free loopback port, with its data under a directory the test owns so it can be
 * stopped and started again on the same data.
 */
public final class Hub implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String PASSWORD = "it-admin-password-123";

    private final ConfigurableApplicationContext context;
    private final int port;

    private Hub(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public static Hub start(Path dataDir, Database database, Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", "0");
        props.put("server.address", "127.0.0.1");
        props.put("hub.data-dir", dataDir.toString());
        props.put("hub.security.bootstrap-admin.username", ADMIN);
        props.put("hub.security.bootstrap-admin.password", PASSWORD);
        props.put("logging.level.org.apache.activemq.audit", "WARN");
        props.put("hub.bus.redelivery.initial-delay", "50ms");
        props.putAll(database.properties());
        props.putAll(overrides);
        // command-line arguments outrank the application's own application.yml, as an admin's would
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SwitchboardApplication.class)
                .run(args);
        return new Hub(context);
    }

    static Hub start(Path dataDir, Database database) {
        return start(dataDir, database, Map.of());
    }

    public String http(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String ws(String path) {
        return "ws://127.0.0.1:" + port + path;
    }

    String origin() {
        return "http://127.0.0.1:" + port;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Where a hub keeps its data: the embedded H2 default, or PostgreSQL when CI provides one. */
    public record Database(String name, Map<String, Object> properties) {

        public static final String POSTGRES_URL_ENV = "SWITCHBOARD_TEST_POSTGRES_URL";

        public static Database h2() {
            return new Database("H2", Map.of());
        }

        /** A fresh schema per call, so runs never see each other's rows. Null when no PostgreSQL is configured. */
        public static Database postgresOrNull() {
            String url = System.getenv(POSTGRES_URL_ENV);
            if (url == null || url.isBlank()) {
                return null;
            }
            String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new Database("PostgreSQL", Map.of(
                    "spring.datasource.url", withSchema,
                    "spring.flyway.schemas", schema,
                    "spring.flyway.default-schema", schema));
        }
    }
}
