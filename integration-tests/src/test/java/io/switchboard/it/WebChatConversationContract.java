package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation's vertical slice, as a visitor and an agent live it: widget → connector → Camel →
 * Artemis → inbox → agent API and back. Runs once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebChatConversationContract {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;
    Hub hub;
    AgentApi agent;

    abstract Hub.Database database();

    @BeforeAll
    void startHub() {
        hub = Hub.start(dataDir, database());
        agent = AgentApi.admin(hub);
    }

    @AfterAll
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aVisitorsMessageReachesTheAgentAndTheReplyReachesTheVisitor() {
        try (AgentRealtime live = AgentRealtime.connect(hub); Visitor visitor = Visitor.arrive(hub)) {
            visitor.say("Hi, where is my order #1234?");

            JsonNode created = live.await(f -> "message.created".equals(f.path("type").asText())
                    && f.path("data").toString().contains("where is my order #1234"), PATIENCE);
            long conversationId = created.path("data").path("conversationId").asLong();

            JsonNode conversation = agent.get("/api/conversations/" + conversationId).ok();
            assertThat(conversation.path("status").asText()).isEqualToIgnoringCase("open");
            assertThat(conversation.path("lastChannel").asText()).isEqualTo("WEBCHAT");
            assertThat(conversation.path("contact").path("identities").toString()).contains(visitor.visitorId);
            assertThat(conversation.path("context").path("page.url").asText()).isEqualTo("https://shop.example/checkout");
            assertThat(listedIds()).contains(conversationId);

            JsonNode reply = agent.post("/api/conversations/" + conversationId + "/messages",
                    Map.of("text", "It ships today — tracking follows by email.")).ok();
            assertThat(reply.path("direction").asText()).isEqualTo("OUTBOUND");
            assertThat(reply.path("seq").asInt()).isEqualTo(2);

            JsonNode received = visitor.await(f -> "message".equals(f.path("type").asText()), PATIENCE);
            assertThat(received.path("text").asText()).isEqualTo("It ships today — tracking follows by email.");
            assertThat(received.path("id").asText()).isEqualTo(reply.path("id").asText());

            await().atMost(PATIENCE).until(() -> statusOf(conversationId, reply.path("id").asText()), "SENT"::equals);
        }
    }

    @Test
    void aReplyWrittenWhileTheVisitorIsAwayIsShownWhenTheyComeBack() {
        Visitor before = Visitor.arrive(hub);
        before.say("Can I change my delivery address?");
        before.close();
        long conversationId = await().atMost(PATIENCE).until(() -> conversationOf(before.visitorId), id -> id != null);

        JsonNode reply = agent.post("/api/conversations/" + conversationId + "/messages",
                Map.of("text", "Yes — reply with the new address.")).ok();
        await().atMost(PATIENCE).until(() -> statusOf(conversationId, reply.path("id").asText()), "SENT"::equals);

        try (Visitor back = Visitor.returning(hub, before)) {
            assertThat(back.visitorId).isEqualTo(before.visitorId);
            assertThat(texts(back.welcome.path("history")))
                    .containsExactly("Can I change my delivery address?", "Yes — reply with the new address.");
        }
    }

    @Test
    void theSameMessageSentTwiceIsStoredOnce() {
        try (Visitor visitor = Visitor.arrive(hub)) {
            String clientId = UUID.randomUUID().toString();
            visitor.say(clientId, "Is this stored once?");
            visitor.say(clientId, "Is this stored once?");
            visitor.say("And this is a second message");

            long conversationId = await().atMost(PATIENCE).until(() -> conversationOf(visitor.visitorId),
                    id -> id != null);
            await().atMost(PATIENCE).until(() -> agent.messages(conversationId).size() == 2);
            assertThat(texts(agent.messages(conversationId)))
                    .containsExactly("Is this stored once?", "And this is a second message");
        }
    }

    Long conversationOf(String visitorId) {
        for (JsonNode c : agent.conversations()) {
            if (c.path("contact").path("identities").toString().contains(visitorId)) {
                return c.path("id").asLong();
            }
        }
        return null;
    }

    private java.util.List<Long> listedIds() {
        return StreamSupport.stream(agent.conversations().spliterator(), false).map(c -> c.path("id").asLong()).toList();
    }

    String statusOf(long conversationId, String messageId) {
        for (JsonNode m : agent.messages(conversationId)) {
            if (m.path("id").asText().equals(messageId)) {
                return m.path("status").asText();
            }
        }
        return null;
    }

    static java.util.List<String> texts(JsonNode messages) {
        return StreamSupport.stream(messages.spliterator(), false).map(m -> m.path("text").asText()).toList();
    }
}
