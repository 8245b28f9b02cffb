package io.switchboard.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.TemplateRef;
import io.switchboard.core.spi.PermanentSendException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Outbound through the Graph API, checked by the strict {@link FakeGraph}. */
class MetaSenderTest {

    static final FakeGraph GRAPH = MetaTestFixtures.graph();

    private final MetaAccounts accounts = new MetaAccounts(MetaTestFixtures.properties(GRAPH.baseUrl()));
    private final GraphClient graph = new GraphClient(HttpClient.newHttpClient(), new ObjectMapper(), GRAPH.baseUrl(),
            "v21.0", Duration.ofSeconds(5));
    private final MetaSender sender = new MetaSender(accounts,
            new MessagingSender(graph, accounts, new SentMessages(100), Clock.systemUTC()),
            new WhatsAppSender(graph, accounts, new WhatsAppTemplates(accounts)));

    @BeforeEach
    void reset() {
        GRAPH.reset();
        GRAPH.messagingTokens.putAll(Map.of("PAGE1", "page-token", "PAGE2", "tagged-page-token", "IG1", "ig-token"));
        GRAPH.whatsappTokens.put("WA1", "wa-token");
    }

    @AfterAll
    static void stop() {
        GRAPH.close();
    }

    @Test
    void aMessengerReplyIsPostedToThePageWithItsTokenAndReturnsTheMid() {
        String mid = sender.send(text(ChannelType.MESSENGER, "PAGE1", "PSID-1", "Hello Peter")).providerId();

        assertThat(mid).startsWith("m_");
        FakeGraph.Recorded request = GRAPH.requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v21.0/PAGE1/messages");
        assertThat(request.query()).containsExactly(Map.entry("access_token", "page-token"));
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.json().toString()).isEqualTo(
                "{\"recipient\":{\"id\":\"PSID-1\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"Hello Peter\"}}");
    }

    @Test
    void anInstagramReplyGoesThroughTheTokensOwnAccount() {
        sender.send(text(ChannelType.INSTAGRAM, "IG1", "IGSID-1", "Yes, in blue"));

        assertThat(GRAPH.requests.get(0).path()).isEqualTo("/v21.0/me/messages");
        assertThat(GRAPH.requests.get(0).query()).containsEntry("access_token", "ig-token");
    }

    @Test
    void outsideTwentyFourHoursAPageWithTheHumanAgentTagResendsWithTheTag() {
        GRAPH.outsideWindow.add("PSID-2");

        String mid = sender.send(text(ChannelType.MESSENGER, "PAGE2", "PSID-2", "Following up")).providerId();

        assertThat(mid).startsWith("m_");
        assertThat(GRAPH.requests).hasSize(2);
        JsonNode tagged = GRAPH.requests.get(1).json();
        assertThat(tagged.path("messaging_type").asText()).isEqualTo("MESSAGE_TAG");
        assertThat(tagged.path("tag").asText()).isEqualTo("HUMAN_AGENT");
    }

    @Test
    void outsideTwentyFourHoursWithoutTheTagTheAgentIsToldWhy() {
        GRAPH.outsideWindow.add("PSID-1");

        assertThatThrownBy(() -> sender.send(text(ChannelType.MESSENGER, "PAGE1", "PSID-1", "Late")))
                .isInstanceOf(PermanentSendException.class)
                .hasMessageContaining("outside the 24-hour window").hasMessageContaining("[Graph error 10/2018278]");
        assertThat(GRAPH.requests).hasSize(1);
    }

    @Test
    void aWhatsAppTextIsSentWithTheBearerTokenToTheNumbersId() {
        String wamid = sender.send(text(ChannelType.WHATSAPP, "WA1", "+16505551234", "Your order shipped")).providerId();

        assertThat(wamid).startsWith("wamid.");
        FakeGraph.Recorded request = GRAPH.requests.get(0);
        assertThat(request.path()).isEqualTo("/v21.0/WA1/messages");
        assertThat(request.authorization()).isEqualTo("Bearer wa-token");
        assertThat(request.query()).isEmpty();
        assertThat(request.json().toString()).isEqualTo("{\"messaging_product\":\"whatsapp\",\"recipient_type\":"
                + "\"individual\",\"to\":\"16505551234\",\"type\":\"text\",\"text\":{\"preview_url\":false,"
                + "\"body\":\"Your order shipped\"}}");
    }

    @Test
    void aWhatsAppTemplateIsSentWithItsLanguageAndBodyParametersInOrder() {
        OutboundMessage message = new OutboundMessage(UUID.randomUUID(), 1,
                new ChannelAddress(ChannelType.WHATSAPP, "WA1", "+16505551234"), null, null, null,
                new TemplateRef("order_update/en_US", Map.of("order", "#4711", "name", "Kerry")), null, "Ada", Instant.now());

        assertThat(sender.send(message).providerId()).startsWith("wamid.");

        assertThat(GRAPH.requests.get(0).json().toString()).isEqualTo("{\"messaging_product\":\"whatsapp\","
                + "\"recipient_type\":\"individual\",\"to\":\"16505551234\",\"type\":\"template\",\"template\":{"
                + "\"name\":\"order_update\",\"language\":{\"code\":\"en_US\"},\"components\":[{\"type\":\"body\","
                + "\"parameters\":[{\"type\":\"text\",\"text\":\"Kerry\"},{\"type\":\"text\",\"text\":\"#4711\"}]}]}}");
    }

    @Test
    void anUnknownTemplateIsRefusedWithoutCallingMeta() {
        OutboundMessage message = new OutboundMessage(UUID.randomUUID(), 1,
                new ChannelAddress(ChannelType.WHATSAPP, "WA1", "+16505551234"), null, null, null,
                new TemplateRef("spring_sale", Map.of()), null, "Ada", Instant.now());

        assertThatThrownBy(() -> sender.send(message)).isInstanceOf(PermanentSendException.class)
                .hasMessageContaining("spring_sale").hasMessageContaining("order_update/en_US");
        assertThat(GRAPH.requests).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0}, code {1}/{2} is permanent: {3}")
    @CsvSource({
            "400, 551, 1545041, not available",
            "400, 131047, , send an approved template",
            "401, 190, 463, hub.channels.meta.whatsapp[].access-token",
            "400, 100, 2018001, cannot deliver",
            "400, 132001, , refused the template",
            "403, 200, , lacks a permission"})
    void permanentGraphErrorsReachTheAgentWithAReason(int status, int code, Integer subcode, String reason) {
        GRAPH.failNextSend(status, GraphWire.graphError("(#" + code + ") Meta says no", code, subcode));

        assertThatThrownBy(() -> sender.send(text(ChannelType.WHATSAPP, "WA1", "+16505551234", "Hi")))
                .isInstanceOf(PermanentSendException.class).hasMessageContaining(reason)
                .hasMessageContaining("[Graph error " + code);
    }

    @ParameterizedTest(name = "HTTP {0}, code {1} is transient")
    @CsvSource({"400, 4", "400, 17", "400, 32", "400, 613", "429, 130429", "500, 1", "503, 2"})
    void rateLimitsAndServerErrorsAreRetried(int status, int code) {
        GRAPH.failNextSend(status, GraphWire.graphError("Application request limit reached", code, null));

        assertThatThrownBy(() -> sender.send(text(ChannelType.MESSENGER, "PAGE1", "PSID-1", "Hi")))
                .isInstanceOf(GraphException.class).isNotInstanceOf(PermanentSendException.class);
    }

    @Test
    void anUnreachableGraphIsTransient() {
        GraphClient down = new GraphClient(HttpClient.newHttpClient(), new ObjectMapper(), "http://127.0.0.1:1", "v21.0",
                Duration.ofSeconds(2));
        MetaSender offline = new MetaSender(accounts, new MessagingSender(down, accounts, new SentMessages(10),
                Clock.systemUTC()), new WhatsAppSender(down, accounts, new WhatsAppTemplates(accounts)));

        assertThatThrownBy(() -> offline.send(text(ChannelType.WHATSAPP, "WA1", "+16505551234", "Hi")))
                .isInstanceOf(GraphException.class).satisfies(e -> assertThat(((GraphException) e).isTransient()).isTrue())
                .hasMessageNotContaining("wa-token");
    }

    @Test
    void itClaimsOnlyItsOwnAccounts() {
        assertThat(sender.handles(new ChannelAddress(ChannelType.WHATSAPP, "WA1", "+16505551234"))).isTrue();
        assertThat(sender.handles(new ChannelAddress(ChannelType.WHATSAPP, "+15550001111", "+16505551234")))
                .as("a Twilio number").isFalse();
        assertThat(sender.handles(new ChannelAddress(ChannelType.MESSENGER, "PAGE1", "PSID-1"))).isTrue();
        assertThat(sender.handles(new ChannelAddress(ChannelType.MESSENGER, "IG1", "PSID-1"))).isFalse();
        assertThat(sender.handles(new ChannelAddress(ChannelType.INSTAGRAM, "IG1", "IGSID-1"))).isTrue();
        assertThat(sender.handles(new ChannelAddress(ChannelType.SMS, "WA1", "+16505551234"))).isFalse();
        assertThat(sender.channels()).containsExactlyInAnyOrder(ChannelType.MESSENGER, ChannelType.INSTAGRAM,
                ChannelType.WHATSAPP);
    }

    static OutboundMessage text(ChannelType channel, String account, String address, String text) {
        return new OutboundMessage(UUID.randomUUID(), 1, new ChannelAddress(channel, account, address), text, null,
                null, null, null, "Ada", Instant.now());
    }
}
