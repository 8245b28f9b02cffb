package io.switchboard.it.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.it.AgentApi;
import io.switchboard.it.Hub;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A hub without CRM settings keeps no durable copy of its events on the broker (no journal write and no
 * consume per event for nothing); the first webhook subscription, from the admin API or from another
 * node, gets every event after it; a subscription nothing uses any more is removed at the next start.
 */
class EventsAreKeptOnlyForWhatUsesThemIT {

    private static final String WEBHOOKS = "crm-webhooks";
    private static final String LOOKUP = "crm-lookup";

    @TempDir
    Path dataDir;

    @Test
    void withoutCrmSettingsNoEventIsKeptAndTheFirstApiSubscriptionGetsTheEventsAfterIt() throws Exception {
        try (CrmReceiver crm = new CrmReceiver(); Hub hub = Hub.start(dataDir, Hub.Database.h2(), fast())) {
            Crm.customerWrites(hub, "visitor-1", "Before any subscription");
            AgentApi admin = AgentApi.admin(hub);
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/conversations").ok().size() == 1);
            assertThat(subscribed(hub, WEBHOOKS)).as("a durable copy of every event for no one").isFalse();
            assertThat(subscribed(hub, LOOKUP)).isFalse();
            assertThat(consuming(hub, WEBHOOKS)).isFalse();

            var created = admin.post("/api/admin/webhooks", Map.of("name", "first", "url", crm.url("/hooks"),
                    "secret", CrmReceiver.SECRET, "events", List.of("message.created")));
            assertThat(created.status()).isEqualTo(201);
            assertThat(subscribed(hub, WEBHOOKS)).as("subscribed before the API answered").isTrue();
            assertThat(consuming(hub, WEBHOOKS)).isTrue();

            Crm.customerWrites(hub, "visitor-1", "After the subscription");
            await().atMost(Duration.ofSeconds(30)).until(() -> crm.accepted().stream()
                    .anyMatch(r -> text(r).equals("After the subscription")));
            assertThat(crm.received).allSatisfy(r -> assertThat(r.rejection()).isNull());
        }
    }

    @Test
    void aSubscriptionAnotherNodeStoredIsConsumedWithinTheCheckInterval() throws Exception {
        try (CrmReceiver crm = new CrmReceiver(); Hub hub = Hub.start(dataDir, Hub.Database.h2(), fast())) {
            assertThat(consuming(hub, WEBHOOKS)).isFalse();
            // what another hub node's admin API stores in the shared database
            Timestamp now = Timestamp.from(Instant.now());
            hub.bean(JdbcClient.class).sql("INSERT INTO webhook_endpoint (name, source, url, secrets, event_types,"
                            + " enabled, created_at, updated_at) VALUES ('other-node', 'api', ?, ?, 'message.created',"
                            + " TRUE, ?, ?)")
                    .params(crm.url("/hooks"), CrmReceiver.SECRET, now, now).update();

            await().atMost(Duration.ofSeconds(10)).until(() -> consuming(hub, WEBHOOKS));
            assertThat(subscribed(hub, WEBHOOKS)).isTrue();
            Crm.customerWrites(hub, "visitor-2", "Seen by the other node's subscription");
            await().atMost(Duration.ofSeconds(30)).until(() -> crm.accepted().stream()
                    .anyMatch(r -> text(r).equals("Seen by the other node's subscription")));
        }
    }

    @Test
    void subscriptionsNothingUsesAnyMoreAreRemovedAtTheNextStart() throws Exception {
        try (CrmReceiver crm = new CrmReceiver()) {
            Map<String, Object> withLookup = fast();
            withLookup.put("hub.crm.lookup.url", crm.url("/lookup"));
            withLookup.put("hub.crm.lookup.secret", CrmReceiver.SECRET);
            try (Hub hub = Hub.start(dataDir, Hub.Database.h2(), withLookup)) {
                AgentApi admin = AgentApi.admin(hub);
                var created = admin.post("/api/admin/webhooks", Map.of("name", "short-lived", "url", crm.url("/hooks"),
                        "secret", CrmReceiver.SECRET));
                assertThat(created.status()).isEqualTo(201);
                assertThat(subscribed(hub, WEBHOOKS)).isTrue();
                assertThat(subscribed(hub, LOOKUP)).isTrue();
                await().atMost(Duration.ofSeconds(10)).until(() -> consuming(hub, LOOKUP));
                assertThat(admin.delete("/api/admin/webhooks/" + created.json().path("id").asLong()).status())
                        .isEqualTo(204);
            }
            try (Hub hub = Hub.start(dataDir, Hub.Database.h2(), fast())) {
                assertThat(subscribed(hub, WEBHOOKS)).as("no webhook subscription left").isFalse();
                assertThat(subscribed(hub, LOOKUP)).as("no lookup URL set any more").isFalse();
                assertThat(consuming(hub, WEBHOOKS)).isFalse();
                assertThat(consuming(hub, LOOKUP)).isFalse();
            }
        }
    }

    private static Map<String, Object> fast() {
        Map<String, Object> props = new HashMap<>();
        props.put("hub.crm.allowed-hosts", "127.0.0.1/32");
        props.put("hub.crm.delivery.poll-interval", "100ms");
        props.put("hub.crm.endpoint-check-interval", "100ms");
        props.put("hub.events.outbox.poll-interval", "100ms");
        return props;
    }

    private static boolean subscribed(Hub hub, String name) {
        return hub.bean(EmbeddedActiveMQ.class).getActiveMQServer().locateQueue(name) != null;
    }

    private static boolean consuming(Hub hub, String route) {
        return hub.bean(CamelContext.class).getRouteController().getRouteStatus(route).isStarted();
    }

    private static String text(CrmReceiver.Received received) {
        try {
            JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(received.body());
            return body.path("data").path("message").path("text").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
