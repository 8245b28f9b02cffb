package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message the hub acknowledged is on disk: it survives a stop while nothing consumed it. */
class MessageSurvivesRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void aMessageAcceptedWhileTheInboxIsStoppedIsDeliveredAfterARestart() {
        String clientId = UUID.randomUUID().toString();
        String visitorId;
        String token;
        try (Hub hub = Hub.start(dataDir, Hub.Database.h2(), Map.of("hub.bus.consumers.inbox-auto-startup", "false"))) {
            try (Visitor visitor = Visitor.arrive(hub)) {
                visitor.say(clientId, "Sent while the inbox is not consuming");
                visitorId = visitor.visitorId;
                token = visitor.token;
            }
            assertThat(AgentApi.admin(hub).conversations()).isEmpty();
        }

        try (Hub hub = Hub.start(dataDir, Hub.Database.h2())) {
            AgentApi agent = AgentApi.admin(hub);
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.conversations().size() == 1);
            long conversationId = agent.conversations().get(0).path("id").asLong();
            assertThat(WebChatConversationContract.texts(agent.messages(conversationId)))
                    .containsExactly("Sent while the inbox is not consuming");

            // the widget resends what it never saw acknowledged; after the restart it is still stored once
            try (Visitor again = Visitor.connect(hub, hub.origin(), visitorId, token)) {
                assertThat(again.visitorId).isEqualTo(visitorId);
                again.say(clientId, "Sent while the inbox is not consuming");
                again.say("A new message after the restart");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.messages(conversationId).size() == 2);
            assertThat(WebChatConversationContract.texts(agent.messages(conversationId)))
                    .containsExactly("Sent while the inbox is not consuming", "A new message after the restart");
        }
    }
}
