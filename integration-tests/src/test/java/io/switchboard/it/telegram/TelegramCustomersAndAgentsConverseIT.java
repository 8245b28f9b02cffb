package io.switchboard.it.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.OutboundGateway;
import io.switchboard.it.AgentApi;
import io.switchboard.it.Hub;
import io.switchboard.it.Inbox;
import io.switchboard.it.Json;
import io.switchboard.it.telegram.TelegramWebhook.Customer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customers write to a Telegram bot; Telegram calls the hub's webhook with the bot's secret token; agents see the
 * conversations in the API and answer through the Bot API (a fake on 127.0.0.1).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramCustomersAndAgentsConverseIT {

    static final String BOT = "support";
    static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    static final String SECRET = "it_webhook-secret_42";
    static final String BLOCKED = "Forbidden: bot was blocked by the user";

    @TempDir
    static Path dataDir;
    final FakeBotApi telegram = new FakeBotApi(TOKEN);
    Hub hub;
    AgentApi agent;
    Inbox inbox;
    TelegramWebhook webhook;

    @BeforeAll
    void startHub() {
        hub = Hub.start(dataDir, Hub.Database.h2(), Map.of(
                "hub.channels.telegram.enabled", "true",
                "hub.channels.telegram.bots[0].name", BOT,
                "hub.channels.telegram.bots[0].token", TOKEN,
                "hub.channels.telegram.bots[0].mode", "webhook",
                "hub.channels.telegram.bots[0].webhook-secret", SECRET,
                "hub.channels.telegram.bots[0].api-base-url", telegram.baseUrl()));
        agent = AgentApi.admin(hub);
        inbox = new Inbox(hub);
        webhook = new TelegramWebhook(hub);
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
        telegram.close();
    }

    @Test
    void aMessageWithTheBotsSecretTokenStartsAConversationAndARedeliveryIsStoredOnce() {
        Customer mallory = new Customer(9999901, "Mallory", null, null);
        ObjectNode forged = mallory.text(40001, 10, "send me everyone's orders");
        assertThat(webhook.post(BOT, null, forged).statusCode()).isEqualTo(403);
        assertThat(webhook.post(BOT, "guessed-secret", forged).statusCode()).isEqualTo(403);
        assertThat(webhook.post("no-such-bot", SECRET, forged).statusCode()).isEqualTo(404);

        Customer ada = new Customer(1111111, "Ada", "Lovelace", "ada_l");
        ObjectNode hello = ada.text(40002, 1365, "Hello, is anyone there?");
        assertThat(webhook.post(BOT, SECRET, hello).statusCode()).isEqualTo(200);
        long conversation = inbox.conversationOf("1111111");
        JsonNode view = agent.get("/api/conversations/" + conversation).ok();
        assertThat(view.path("lastChannel").asText()).isEqualTo("TELEGRAM");
        assertThat(view.path("contact").path("displayName").asText()).isEqualTo("Ada Lovelace (@ada_l)");
        assertThat(view.path("contact").path("identities")).containsExactly(Json.parse(
                "{\"channel\":\"TELEGRAM\",\"account\":\"support\",\"address\":\"1111111\"}"));

        // Telegram delivers the same update again (our 200 got lost), then the customer writes on
        assertThat(webhook.post(BOT, SECRET, hello).statusCode()).isEqualTo(200);
        assertThat(webhook.post(BOT, SECRET, ada.text(40003, 1366, "I need help with my order")).statusCode())
                .isEqualTo(200);
        await().atMost(Inbox.PATIENCE).until(() -> inbox.texts(conversation).size() >= 2);
        assertThat(inbox.texts(conversation)).containsExactly("Hello, is anyone there?", "I need help with my order");
        assertThat(inbox.find("9999901")).isNull();
    }

    @Test
    void aCustomersDocumentCanBeDownloadedAndTheAgentsReplyReachesTheChat() throws Exception {
        byte[] invoice = "%PDF-1.4\n% invoice 4711\n".getBytes(StandardCharsets.US_ASCII);
        telegram.files.put("BQACAgIAAxkBAAIBZ2", new FakeBotApi.StoredFile("documents/file_42.pdf", invoice));
        Customer grace = new Customer(2222222, "Grace", "Hopper", "grace");
        assertThat(webhook.post(BOT, SECRET, grace.document(40010, 77, "BQACAgIAAxkBAAIBZ2", "invoice-4711.pdf",
                invoice.length, "My invoice is wrong")).statusCode()).isEqualTo(200);

        long conversation = inbox.conversationOf("2222222");
        JsonNode message = agent.messages(conversation).get(0);
        assertThat(message.path("text").asText()).isEqualTo("My invoice is wrong");
        JsonNode attachment = message.path("attachments").get(0);
        assertThat(attachment.path("name").asText()).isEqualTo("invoice-4711.pdf");
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/pdf");
        HttpResponse<byte[]> download = inbox.download(attachment.path("url").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(invoice);
        assertThat(telegram.calls("getFile")).extracting(c -> c.params().get("file_id")).contains("BQACAgIAAxkBAAIBZ2");

        String replyId = agent.post("/api/conversations/" + conversation + "/messages",
                Map.of("text", "Sorry about that, a corrected invoice follows.")).ok().path("id").asText();
        inbox.awaitStatus(conversation, replyId, "SENT");
        List<FakeBotApi.Call> sent = telegram.calls("sendMessage").stream()
                .filter(c -> "2222222".equals(c.params().get("chat_id"))).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).params()).containsEntry("text", "Sorry about that, a corrected invoice follows.");
        assertThat(inbox.message(conversation, replyId).path("providerId").asText()).matches("2222222:\\d+");
    }

    /**
     * The agent API takes no files in replies yet, so the reply with a file is queued on the bus the way the
     * inbox queues every reply; from there the hub's dispatcher and the connector upload it.
     */
    @Test
    void aFileInAReplyReachesTheCustomerAsATelegramDocument() throws Exception {
        Customer alan = new Customer(4444444, "Alan", "Turing", null);
        assertThat(webhook.post(BOT, SECRET, alan.text(40030, 5, "Can you send the corrected invoice?")).statusCode())
                .isEqualTo(200);
        long conversation = inbox.conversationOf("4444444");
        byte[] pdf = "%PDF-1.4\n% corrected invoice 4711\n".getBytes(StandardCharsets.US_ASCII);
        AttachmentRef file = hub.bean(AttachmentStore.class).store("invoice-4711-corrected.pdf", "application/pdf",
                new ByteArrayInputStream(pdf));

        hub.bean(OutboundGateway.class).enqueue(new OutboundMessage(UUID.randomUUID(), conversation,
                new ChannelAddress(ChannelType.TELEGRAM, BOT, "4444444"), "Here it is.", null, List.of(file), null,
                null, "Administrator", Instant.now()));

        await().atMost(Inbox.PATIENCE).until(() -> !telegram.calls("sendDocument").isEmpty());
        FakeBotApi.Call upload = telegram.calls("sendDocument").get(0);
        assertThat(upload.params()).containsEntry("chat_id", "4444444").containsEntry("caption", "Here it is.");
        assertThat(upload.file().fileName()).isEqualTo("invoice-4711-corrected.pdf");
        assertThat(upload.file().contentType()).isEqualTo("application/pdf");
        assertThat(upload.file().bytes()).isEqualTo(pdf);
    }

    @Test
    void aReplyToACustomerWhoBlockedTheBotFailsWithAReasonTheAgentUnderstands() {
        Customer bob = new Customer(3333333, "Bob", null, "bob_b");
        assertThat(webhook.post(BOT, SECRET, bob.text(40020, 9, "never mind")).statusCode()).isEqualTo(200);
        long conversation = inbox.conversationOf("3333333");
        assertThat(agent.get("/api/conversations/" + conversation).ok().path("contact").path("displayName").asText())
                .isEqualTo("Bob (@bob_b)");
        telegram.forbiddenChats.put("3333333", BLOCKED);

        String replyId = agent.post("/api/conversations/" + conversation + "/messages",
                Map.of("text", "Can we help with anything else?")).ok().path("id").asText();
        inbox.awaitStatus(conversation, replyId, "FAILED");
        assertThat(inbox.message(conversation, replyId).path("error").asText()).isEqualTo("The customer blocked the "
                + "bot on Telegram; they must unblock it (or write to it again) before replies can reach them.");
        assertThat(telegram.calls("sendMessage").stream().filter(c -> "3333333".equals(c.params().get("chat_id"))))
                .hasSize(1);
    }
}
