package io.switchboard.it.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.it.AgentApi;
import io.switchboard.it.Hub;
import io.switchboard.it.Visitor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer known from e-mail signs in on the site and chats: the hub threads both into one
 * conversation, because the site signed who they are. Unsigned claims only become suggestions,
 * forged ones are refused, and agents merge, split and snooze through the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneCustomerOneThreadIT {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final String SECRET = "it-site-identity-secret-0123456789";
    static final String MAILBOX = "support@shop.example";

    @TempDir
    static Path dataDir;
    Hub hub;
    AgentApi agent;

    @BeforeAll
    void startHub() {
        hub = Hub.start(dataDir, Hub.Database.h2(), Map.of(
                "hub.channels.webchat.identity-secret", SECRET,
                "hub.inbox.snooze-poll-interval", "200ms"));
        agent = AgentApi.admin(hub);
    }

    @AfterAll
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aSignedInVisitorJoinsTheConversationTheyStartedByEmail() {
        emailFrom("ada@example.org", "Where is order 1001?");
        long conversation = await().atMost(PATIENCE).until(() -> conversationWith("ada@example.org"), id -> id != null);

        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.send(identify("cust-ada", sign("cust-ada"), "ada@example.org", sign("ada@example.org")));
            assertThat(visitor.awaitType("identified").path("verified").asBoolean()).isTrue();
            visitor.say("Following up on order 1001 in chat");

            await().atMost(PATIENCE).until(() -> agent.get("/api/conversations/" + conversation + "/messages").ok()
                    .size() == 2);
            JsonNode messages = agent.get("/api/conversations/" + conversation + "/messages").ok();
            assertThat(field(messages, "channel")).containsExactly("EMAIL", "WEBCHAT");
            assertThat(field(messages, "seq")).containsExactly("1", "2");
            JsonNode view = agent.get("/api/conversations/" + conversation).ok();
            assertThat(view.path("lastChannel").asText()).isEqualTo("WEBCHAT");
            assertThat(view.path("contact").path("identities").toString()).contains(visitor.visitorId, "cust-ada");
        }
    }

    @Test
    void anUnsignedVisitorIsOnlySuggestedAndAForgedSignatureIsRefused() {
        emailFrom("grace@example.org", "Invoice question");
        long grace = await().atMost(PATIENCE).until(() -> conversationWith("grace@example.org"), id -> id != null);
        long graceContact = agent.get("/api/conversations/" + grace).ok().path("contact").path("id").asLong();

        try (Visitor forger = Visitor.arrive(hub)) {
            forger.send(identify("cust-grace", sign("cust-someone-else"), null, null));
            JsonNode error = forger.awaitType("error");
            assertThat(error.path("code").asText()).isEqualTo("identity_refused");
            assertThat(error.path("reason").asText()).contains("does not match");
        }
        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.send(identify(null, null, "grace@example.org", null));
            assertThat(visitor.awaitType("identified").path("verified").asBoolean()).isFalse();
            visitor.say("Hi, it's Grace");
            long chat = await().atMost(PATIENCE).until(() -> conversationWith(visitor.visitorId), id -> id != null);
            visitor.say("Any news?");

            assertThat(chat).isNotEqualTo(grace);
            JsonNode suggestions = agent.get("/api/conversations/" + chat + "/suggestions").ok();
            assertThat(suggestions).hasSize(1);
            assertThat(suggestions.get(0).path("candidateId").asLong()).isEqualTo(graceContact);
            assertThat(suggestions.get(0).path("reason").asText()).contains("not verified");

            long visitorContact = agent.get("/api/conversations/" + chat).ok().path("contact").path("id").asLong();
            JsonNode merge = agent.post("/api/contacts/" + graceContact + "/merge",
                    Map.of("contactId", visitorContact, "reason", "Confirmed by phone")).ok();
            assertThat(merge.path("mergedBy").asText()).isEqualTo(Hub.ADMIN);
            assertThat(agent.get("/api/contacts/" + graceContact + "/conversations").ok()).hasSize(2);
            assertThat(agent.get("/api/contacts/" + visitorContact).ok().path("mergedInto").asLong())
                    .isEqualTo(graceContact);

            agent.post("/api/contacts/merges/" + merge.path("id").asLong() + "/split", Map.of("reason", "Oops")).ok();
            assertThat(field(agent.get("/api/contacts/" + graceContact + "/conversations").ok(), "id"))
                    .containsExactly(String.valueOf(grace));
            assertThat(field(agent.get("/api/contacts/" + visitorContact + "/conversations").ok(), "id"))
                    .containsExactly(String.valueOf(chat));
        }
    }

    @Test
    void aSnoozedConversationReopensOnTime() {
        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.say("Please get back to me in a moment");
            long chat = await().atMost(PATIENCE).until(() -> conversationWith(visitor.visitorId), id -> id != null);

            JsonNode snoozed = agent.post("/api/conversations/" + chat + "/status",
                    Map.of("status", "snoozed", "until", Instant.now().plusSeconds(2).toString())).ok();
            assertThat(snoozed.path("status").asText()).isEqualTo("snoozed");
            AgentApi.Response noUntil = agent.post("/api/conversations/" + chat + "/status", Map.of("status", "snoozed"));
            assertThat(noUntil.status()).isEqualTo(400);
            assertThat(noUntil.json().path("message").asText()).contains("until is required");

            await().atMost(PATIENCE).until(() -> agent.get("/api/conversations/" + chat).ok().path("status").asText(),
                    "open"::equals);
        }
    }

    private void emailFrom(String address, String text) {
        Instant now = Instant.now();
        hub.bean(InboundGateway.class).accept(new InboundMessage(UUID.randomUUID(),
                new ChannelAddress(ChannelType.EMAIL, MAILBOX, address), null, "<" + UUID.randomUUID() + "@example.org>",
                null, text, null, List.of(), now, now, Map.of(), null));
    }

    private Long conversationWith(String address) {
        for (JsonNode c : agent.get("/api/conversations").ok()) {
            if (c.path("contact").path("identities").toString().contains(address)) {
                return c.path("id").asLong();
            }
        }
        return null;
    }

    private static Map<String, Object> identify(String identifier, String identifierHash, String email,
                                                String emailHash) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "identify");
        frame.put("identifier", identifier);
        frame.put("identifierHash", identifierHash);
        frame.put("email", email);
        frame.put("emailHash", emailHash);
        return frame;
    }

    /** What the site's server does: HMAC-SHA256 of the value with the identity secret, hex. */
    static String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> field(JsonNode array, String name) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(name).asText()).toList();
    }
}
