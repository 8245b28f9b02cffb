package io.switchboard.it.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.it.AgentApi;
import io.switchboard.it.Hub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an admin sees: every connector, enabled or not, with accounts, health and no secret; Camel
 * routes in /actuator/health; CRM lookup results on the contact; a start-up that names the missing
 * setting of an enabled connector.
 */
class AdminSeesConnectorsAndCrmContextIT {

    static final String SESSION_SECRET = "a-widget-session-secret-that-must-never-show-0123456789";

    @TempDir
    Path dataDir;

    @Test
    void everyConnectorIsListedWithItsAccountsAndHealthButNoSecret() throws Exception {
        try (CrmReceiver crm = new CrmReceiver()) {
            crm.body = "{\"crmId\":\"C-42\",\"plan\":\"gold\",\"owner\":\"Dana\",\"link\":\"https://crm.example/c/42\"}";
            Map<String, Object> props = new HashMap<>();
            props.put("hub.channels.webchat.session-secret", SESSION_SECRET);
            props.put("hub.crm.allowed-hosts", "127.0.0.1/32");
            props.put("hub.crm.lookup.url", crm.url("/lookup"));
            props.put("hub.crm.lookup.secret", CrmReceiver.SECRET);
            props.put("hub.events.outbox.poll-interval", "100ms");
            try (Hub hub = Hub.start(dataDir, Hub.Database.h2(), props)) {
                Crm.customerWrites(hub, "visitor-9", "Hi there");
                AgentApi admin = AgentApi.admin(hub);

                var channels = admin.get("/api/admin/channels");
                assertThat(channels.body()).doesNotContain(SESSION_SECRET);
                JsonNode list = channels.ok();
                assertThat(list).extracting(c -> c.path("name").asText())
                        .containsExactlyInAnyOrder("webchat", "email", "twilio", "meta", "telegram");
                JsonNode webchat = find(list, "webchat");
                assertThat(webchat.path("enabled").asBoolean()).isTrue();
                JsonNode account = webchat.path("accounts").get(0);
                assertThat(account.path("account").asText()).isEqualTo("default");
                assertThat(account.path("settings").path("sessionSecret").asText()).isEqualTo("***");
                assertThat(account.path("health").path("lastInbound").isTextual()).isTrue();
                assertThat(find(list, "twilio").path("enabled").asBoolean()).isFalse();
                assertThat(find(list, "twilio").path("channels").toString()).contains("SMS", "WHATSAPP");

                await().atMost(Duration.ofSeconds(30)).until(() -> !admin.conversations().isEmpty()
                        && admin.conversations().get(0).path("contact").path("attributes").has("crmId"));
                JsonNode attributes = admin.conversations().get(0).path("contact").path("attributes");
                assertThat(attributes.path("plan").asText()).isEqualTo("gold");
                assertThat(crm.received.get(0).rejection()).isNull();
                assertThat(crm.received.get(0).body()).contains("\"type\":\"contact.created\"");

                JsonNode health = admin.get("/actuator/health").json();
                assertThat(health.path("status").asText()).isEqualTo("UP");
                assertThat(health.path("components").toString()).contains("camel");
            }
        }
    }

    @Test
    void anEnabledConnectorWithoutItsRequiredSettingStopsTheHubNamingTheProperty() {
        assertThatThrownBy(() -> Hub.start(dataDir, Hub.Database.h2(),
                Map.of("hub.channels.telegram.enabled", "true")).close())
                .satisfies(e -> assertThat(messages(e)).contains("hub.channels.telegram").contains("bots"));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode c : list) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("No connector " + name + " in " + list);
    }
}
