package io.switchboard.it.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.it.AgentApi;
import io.switchboard.it.Hub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CRM that fails three times and then recovers gets the event exactly once, every attempt signed
 * and verifiable, under one webhook-id; a replay re-sends it under the same id; a receiver that
 * answers 410 is switched off; a loopback URL that is not allow-listed is refused.
 */
class WebhooksAreSignedRetriedAndDeliveredOnceIT {

    @TempDir
    Path dataDir;

    @Test
    void aFailingReceiverGetsTheEventOnceItRecoversAndAReplayResendsIt() throws Exception {
        try (CrmReceiver crm = new CrmReceiver();
             Hub hub = Hub.start(dataDir, Hub.Database.h2(),
                     Crm.subscription(crm, "message.created", "0s,100ms,100ms,100ms,100ms"))) {
            crm.answer(500, 503, 500);
            Instant before = Instant.now();
            Crm.customerWrites(hub, "visitor-1", "Where is my order?");

            await().atMost(Duration.ofSeconds(30)).until(() -> crm.accepted().size() == 1);
            assertThat(crm.received).hasSize(4);
            assertThat(crm.received).allSatisfy(r -> {
                assertThat(r.rejection()).as("signature verified by the receiver").isNull();
                assertThat(r.id()).isEqualTo(crm.received.get(0).id());
                assertThat(Math.abs(r.timestamp() - Instant.now().getEpochSecond())).isLessThan(60);
            });
            assertThat(crm.received).extracting(CrmReceiver.Received::status).containsExactly(500, 503, 500, 200);
            JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(crm.received.get(3).body());
            assertThat(body.path("type").asText()).isEqualTo("message.created");
            assertThat(body.path("data").path("message").path("text").asText()).isEqualTo("Where is my order?");
            assertThat(Instant.parse(body.path("timestamp").asText())).isAfterOrEqualTo(before.minusSeconds(1));

            AgentApi admin = AgentApi.admin(hub);
            JsonNode deliveries = admin.get("/api/admin/webhooks/deliveries").ok();
            assertThat(deliveries).hasSize(1);
            JsonNode delivery = deliveries.get(0);
            assertThat(delivery.path("status").asText()).isEqualTo("delivered");
            assertThat(delivery.path("attempts").asInt()).isEqualTo(4);
            assertThat(delivery.path("webhookId").asText()).isEqualTo(crm.received.get(0).id());
            JsonNode detail = admin.get("/api/admin/webhooks/deliveries/" + delivery.path("id").asLong()).ok();
            assertThat(detail.path("attemptLog")).hasSize(4);

            var replay = admin.post("/api/admin/webhooks/replay", Map.of(
                    "from", before.minusSeconds(60).toString(), "to", Instant.now().plusSeconds(1).toString()));
            assertThat(replay.ok().path("replayed").asInt()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> crm.accepted().size() == 2);
            assertThat(crm.accepted().get(1).id()).isEqualTo(crm.received.get(0).id());
            assertThat(crm.accepted().get(1).body()).isEqualTo(crm.received.get(0).body());
            assertThat(crm.accepted().get(1).rejection()).isNull();
        }
    }

    @Test
    void goneSwitchesTheSubscriptionOffAndNonAllowListedLoopbackIsRefused() throws Exception {
        try (CrmReceiver crm = new CrmReceiver();
             Hub hub = Hub.start(dataDir, Hub.Database.h2(), Crm.subscription(crm, "", "0s,100ms"))) {
            crm.answer(410);
            Crm.customerWrites(hub, "visitor-2", "Hello");
            AgentApi admin = AgentApi.admin(hub);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !admin.get("/api/admin/webhooks").ok().get(0).path("active").asBoolean());
            JsonNode subscription = admin.get("/api/admin/webhooks").ok().get(0);
            assertThat(subscription.path("disabledReason").asText()).contains("410");
            assertThat(subscription.path("secrets").toString()).doesNotContain(CrmReceiver.SECRET);
            int seen = crm.received.size();
            Crm.customerWrites(hub, "visitor-2", "Anyone there?");
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> crm.received.size() == seen);

            var refused = admin.post("/api/admin/webhooks", Map.of("name", "internal", "url", "http://127.0.0.2:9/hook",
                    "secret", CrmReceiver.SECRET));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("message").asText())
                    .contains("127.0.0.2").contains("private or loopback").contains("hub.crm.allowed-hosts");

            var created = admin.post("/api/admin/webhooks", Map.of("name", "second", "url", crm.url("/second"),
                    "secret", CrmReceiver.SECRET, "events", java.util.List.of("contact.created")));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("events").get(0).asText()).isEqualTo("contact.created");
            var badType = admin.post("/api/admin/webhooks", Map.of("name", "third", "url", crm.url("/third"),
                    "secret", CrmReceiver.SECRET, "events", java.util.List.of("message.deleted")));
            assertThat(badType.status()).isEqualTo(400);
            assertThat(badType.json().path("message").asText()).contains("unknown event type 'message.deleted'");
        }
    }
}
