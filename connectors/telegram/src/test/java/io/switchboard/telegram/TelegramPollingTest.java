package io.switchboard.telegram;

import static io.switchboard.telegram.TelegramTestApp.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.BusUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// Telegram drops every update below the last offset, so the tests feed ever higher update ids in order.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(classes = TelegramTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"hub.channels.telegram.enabled=true", "hub.channels.telegram.polling-timeout=1s"})
class TelegramPollingTest {

    static final String TOKEN = "777000:Poll-Token_abc";
    static final FakeBotApi telegram = new FakeBotApi(TOKEN);

    @DynamicPropertySource
    static void bots(DynamicPropertyRegistry registry) {
        registry.add("hub.channels.telegram.bots[0].name", () -> "helpdesk");
        registry.add("hub.channels.telegram.bots[0].token", () -> TOKEN);
        registry.add("hub.channels.telegram.bots[0].mode", () -> "polling");
        registry.add("hub.channels.telegram.bots[0].api-base-url", telegram::baseUrl);
    }

    @AfterAll
    static void stopFake() {
        telegram.close();
    }

    @Autowired
    TelegramTestApp.RecordingGateway gateway;

    @BeforeEach
    void reset() {
        gateway.reset();
    }

    @Test
    @Order(1)
    void anUpdateIsConfirmedOnlyAfterTheHandOffSucceeded() {
        gateway.failures.add(new BusUnavailableException("broker down", null));
        gateway.failures.add(new BusUnavailableException("broker still down", null));

        telegram.updates.add(fixture("text.json"));

        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.accepted.size() == 1);
        // handed out again after each failed hand-off: the offset had not moved past it
        assertThat(gateway.attempts).hasValue(3);
        assertThat(telegram.updates.delivered(10000)).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.updates.offsets.contains(10001L));
        assertThat(telegram.updates.offsets.subList(0, telegram.updates.offsets.indexOf(10001L))).containsOnlyNulls();
        assertThat(telegram.updates.delivered(10000)).isEqualTo(3);

        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.customer().account()).isEqualTo("helpdesk");
        assertThat(message.providerMessageId()).isEqualTo("helpdesk:1111111:1365");
        assertThat(telegram.calls("getUpdates").get(0).params())
                .containsEntry("timeout", "1").containsEntry("allowed_updates", "[\"message\",\"edited_message\"]");
    }

    @Test
    @Order(2)
    void anUpdateThatCanNeverBeTakenIsSkippedSoItDoesNotBlockTheRest() {
        telegram.updates.add("{\"update_id\": 20000, \"message\": {\"text\": \"no chat\"}}");
        telegram.updates.add(fixture("edited.json").replace("10001", "20001"));

        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.updates.offsets.contains(20002L));
        assertThat(gateway.accepted).extracting(InboundMessage::text).contains("[Edited message]\nEdited text");
    }
}
