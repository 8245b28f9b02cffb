package io.switchboard.it.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.it.AgentApi;
import io.switchboard.it.Hub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A retry scheduled before the hub stops still happens after it starts again, under the same webhook-id. */
class WebhookRetrySurvivesRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void aDeliveryWaitingInBackoffIsSentAfterARestart() throws Exception {
        try (CrmReceiver crm = new CrmReceiver()) {
            Map<String, Object> settings = Crm.subscription(crm, "message.created", "0s,15s");
            // the retry waits long enough that the check below sees it pending even on a loaded machine
            try (Hub hub = Hub.start(dataDir, Hub.Database.h2(), settings)) {
                crm.answer(500);
                Crm.customerWrites(hub, "visitor-3", "Sent before the restart");
                AgentApi admin = AgentApi.admin(hub);
                await().atMost(Duration.ofSeconds(30)).until(() -> crm.received.size() == 1);
                await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/admin/webhooks/deliveries").ok()
                        .get(0).path("attempts").asInt() == 1);
                assertThat(admin.get("/api/admin/webhooks/deliveries").ok().get(0).path("status").asText())
                        .isEqualTo("pending");
            }
            assertThat(crm.accepted()).isEmpty();

            try (Hub hub = Hub.start(dataDir, Hub.Database.h2(), settings)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> crm.accepted().size() == 1);
                assertThat(crm.accepted().get(0).id()).isEqualTo(crm.received.get(0).id());
                assertThat(crm.accepted().get(0).rejection()).isNull();
                assertThat(AgentApi.admin(hub).get("/api/admin/webhooks/deliveries").ok().get(0).path("status")
                        .asText()).isEqualTo("delivered");
            }
        }
    }
}
