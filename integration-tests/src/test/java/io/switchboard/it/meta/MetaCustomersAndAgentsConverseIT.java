package io.switchboard.it.meta;

import static io.switchboard.it.meta.MetaWebhook.batch;
import static io.switchboard.it.meta.MetaWebhook.entry;
import static io.switchboard.it.meta.MetaWebhook.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.it.AgentApi;
import io.switchboard.it.Hub;
import io.switchboard.it.Inbox;
import io.switchboard.it.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customers write on Messenger, Instagram and WhatsApp (Cloud API); Meta calls the hub's webhook; agents see
 * the conversations in the API and answer through the Graph API (a fake on 127.0.0.1).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetaCustomersAndAgentsConverseIT {

    static final Duration PATIENCE = Inbox.PATIENCE;
    static final String APP_SECRET = "it-app-secret";
    static final String VERIFY_TOKEN = "it-verify-token";
    static final String SHOP_PAGE = "105596548215040";
    static final String OUTLET_PAGE = "107654321098765";
    static final String INSTAGRAM = "17841405309211844";
    static final String WA_NUMBER = "106540352242922";
    static final String WABA = "102290129340398";

    @TempDir
    static Path dataDir;
    final FakeGraphApi graph = new FakeGraphApi();
    Hub hub;
    AgentApi agent;
    MetaWebhook meta;
    Inbox inbox;

    @BeforeAll
    void startHub() {
        graph.messagingTokens.putAll(Map.of(SHOP_PAGE, "shop-page-token", OUTLET_PAGE, "outlet-page-token",
                INSTAGRAM, "ig-page-token"));
        graph.whatsappTokens.put(WA_NUMBER, "wa-system-token");
        String[][] settings = {{"enabled", "true"}, {"app-secret", APP_SECRET}, {"verify-token", VERIFY_TOKEN},
            {"graph-base-url", graph.baseUrl()}, {"request-timeout", "5s"},
            {"pages[0].page-id", SHOP_PAGE}, {"pages[0].access-token", "shop-page-token"},
            {"pages[1].page-id", OUTLET_PAGE}, {"pages[1].access-token", "outlet-page-token"},
            {"instagram[0].account-id", INSTAGRAM}, {"instagram[0].access-token", "ig-page-token"},
            {"whatsapp[0].phone-number-id", WA_NUMBER}, {"whatsapp[0].display-number", "+15550001111"},
            {"whatsapp[0].access-token", "wa-system-token"}, {"whatsapp[0].templates[0].name", "order_update"},
            {"whatsapp[0].templates[0].language", "en_US"}, {"whatsapp[0].templates[0].variables", "name,order"},
            {"whatsapp[0].templates[0].preview", "Hi {{1}}, your order {{2}} has shipped."}};
        Map<String, Object> props = new HashMap<>();
        for (String[] setting : settings) {
            props.put("hub.channels.meta." + setting[0], setting[1]);
        }
        hub = Hub.start(dataDir, Hub.Database.h2(), props);
        agent = AgentApi.admin(hub);
        meta = new MetaWebhook(hub, APP_SECRET);
        inbox = new Inbox(hub);
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
        graph.close();
    }

    @Test
    void metaCanSubscribeTheWebhookOnlyWithTheVerifyToken() {
        HttpResponse<String> verified = meta.handshake(VERIFY_TOKEN, "1158201444");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).isEqualTo("1158201444");

        HttpResponse<String> refused = meta.handshake("someone-elses-token", "1158201444");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("1158201444");
    }

    @Test
    void aSignedMessengerBatchBecomesOneConversationPerCustomerAndARetryIsStoredOnce() {
        String ada = "6835125556538181";
        String bob = "7123456789012345";
        graph.profiles.put(ada, "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"id\":\"" + ada + "\"}");
        graph.profiles.put(bob, "{\"first_name\":\"Bob\",\"last_name\":\"Builder\",\"id\":\"" + bob + "\"}");
        byte[] batch = batch("page",
                entry(SHOP_PAGE, message(SHOP_PAGE, ada, "m_ada_1", "hello, world!", Instant.now()),
                        MetaWebhook.quickReply(SHOP_PAGE, ada, "m_ada_2", "Red", "PICK_RED")),
                entry(OUTLET_PAGE, message(OUTLET_PAGE, bob, "m_bob_1", "Do you ship to Austria?", Instant.now()),
                        MetaWebhook.postback(OUTLET_PAGE, bob, "m_bob_2", "Talk to an agent", "AGENT_HANDOVER")));

        HttpResponse<String> answer = meta.deliver(batch);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("EVENT_RECEIVED");

        long adaConversation = inbox.conversationOf(ada);
        long bobConversation = inbox.conversationOf(bob);
        await().atMost(PATIENCE).until(() -> agent.messages(adaConversation).size() == 2
                && agent.messages(bobConversation).size() == 2);
        JsonNode conversation = agent.get("/api/conversations/" + adaConversation).ok();
        assertThat(conversation.path("lastChannel").asText()).isEqualTo("MESSENGER");
        assertThat(conversation.path("contact").path("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(conversation.path("contact").path("identities")).containsExactly(Json.parse(
                "{\"channel\":\"MESSENGER\",\"account\":\"" + SHOP_PAGE + "\",\"address\":\"" + ada + "\"}"));
        assertThat(conversation.path("context").path("quick_reply.payload").asText()).isEqualTo("PICK_RED");
        assertThat(inbox.texts(adaConversation)).containsExactly("hello, world!", "Red");
        assertThat(agent.messages(adaConversation).get(0).path("providerId").asText()).isEqualTo("m_ada_1");
        assertThat(inbox.texts(bobConversation)).containsExactly("Do you ship to Austria?", "Talk to an agent");
        assertThat(agent.get("/api/conversations/" + bobConversation).ok().path("contact").path("identities")
                .get(0).path("account").asText()).isEqualTo(OUTLET_PAGE);

        // Meta retries the whole batch, then sends a batch that repeats one mid next to a new one
        assertThat(meta.deliver(batch).statusCode()).isEqualTo(200);
        assertThat(meta.deliver(batch("page", entry(SHOP_PAGE,
                message(SHOP_PAGE, ada, "m_ada_2", "Red", Instant.now()),
                message(SHOP_PAGE, ada, "m_ada_3", "Is it in stock?", Instant.now()))))
                .statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> inbox.texts(adaConversation).contains("Is it in stock?"));
        assertThat(inbox.texts(adaConversation)).containsExactly("hello, world!", "Red", "Is it in stock?");
        assertThat(inbox.texts(bobConversation)).hasSize(2);
    }

    @Test
    void deliveriesThatMetaDidNotSignAreRefusedAndStoreNothing() {
        String forger = "6000000000000001";
        graph.profiles.put(forger, "{\"first_name\":\"Mallory\",\"id\":\"" + forger + "\"}");
        byte[] forged = batch("page", entry(SHOP_PAGE, message(SHOP_PAGE, forger, "m_forged_1", "refund me", Instant.now())));

        assertThat(meta.post(forged, null).statusCode()).isEqualTo(403);
        assertThat(meta.post(forged, MetaWebhook.sign(forged, "not-the-app-secret")).statusCode()).isEqualTo(403);
        byte[] compact = Json.write(Json.parse(new String(forged, StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
        assertThat(compact).isNotEqualTo(forged);
        assertThat(meta.post(compact, MetaWebhook.sign(forged, APP_SECRET)).statusCode()).isEqualTo(403);

        byte[] broken = "{\"object\":\"page\",\"entry\":[{\"id\":".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> malformed = meta.deliver(broken);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).startsWith("malformed payload:");

        // a genuine message sent afterwards arrives, the forged one never does and was never even parsed
        String genuine = "6000000000000002";
        assertThat(meta.deliver(batch("page", entry(SHOP_PAGE,
                message(SHOP_PAGE, genuine, "m_genuine_1", "a real question", Instant.now())))).statusCode()).isEqualTo(200);
        inbox.conversationOf(genuine);
        assertThat(inbox.find(forger)).isNull();
        assertThat(graph.calls.stream().noneMatch(c -> c.path().endsWith("/" + forger))).isTrue();
    }

    @Test
    void instagramAndWhatsAppMessagesArriveOnTheirOwnChannelsWithDocumentsToDownload() throws Exception {
        String igCustomer = "1254459154682919";
        graph.profiles.put(igCustomer, "{\"username\":\"grace.h\",\"id\":\"" + igCustomer + "\"}");
        assertThat(meta.deliver(batch("instagram", entry(INSTAGRAM,
                message(INSTAGRAM, igCustomer, "aWdfZAG1faXRlbToxOklH_1", "Is the blue one still available?",
                        Instant.now())))).statusCode()).isEqualTo(200);

        byte[] receipt = "%PDF-1.4\n% a receipt\n".getBytes(StandardCharsets.US_ASCII);
        graph.media.put("1003383421387256", new FakeGraphApi.Media(receipt, "application/pdf"));
        assertThat(meta.deliver(batch("whatsapp_business_account",
                MetaWebhook.whatsappEntry(WABA, WA_NUMBER, "15550001111", "16505551234", "Kerry Fisher",
                        MetaWebhook.whatsappText("wamid.HBgLMTY1MDM4_text", "Does it come in another color?",
                                Instant.now())),
                MetaWebhook.whatsappEntry(WABA, WA_NUMBER, "15550001111", "16505551234", "Kerry Fisher",
                        MetaWebhook.whatsappDocument("wamid.HBgLMTY1MDM4_doc", "1003383421387256",
                                "receipt-2025-06.pdf", "Here is the receipt")))).statusCode()).isEqualTo(200);

        JsonNode instagram = agent.get("/api/conversations/" + inbox.conversationOf(igCustomer)).ok();
        assertThat(instagram.path("lastChannel").asText()).isEqualTo("INSTAGRAM");
        assertThat(instagram.path("contact").path("displayName").asText()).isEqualTo("@grace.h");
        assertThat(instagram.path("preview").asText()).isEqualTo("Is the blue one still available?");

        long whatsappId = inbox.conversationOf("+16505551234");
        await().atMost(PATIENCE).until(() -> agent.messages(whatsappId).size() == 2);
        JsonNode whatsapp = agent.get("/api/conversations/" + whatsappId).ok();
        assertThat(whatsapp.path("lastChannel").asText()).isEqualTo("WHATSAPP");
        assertThat(whatsapp.path("contact").path("displayName").asText()).isEqualTo("Kerry Fisher");
        assertThat(whatsapp.path("contact").path("identities").get(0).path("account").asText()).isEqualTo(WA_NUMBER);
        JsonNode document = agent.messages(whatsappId).get(1);
        assertThat(document.path("text").asText()).isEqualTo("Here is the receipt");
        JsonNode attachment = document.path("attachments").get(0);
        assertThat(attachment.path("name").asText()).isEqualTo("receipt-2025-06.pdf");
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/pdf");
        HttpResponse<byte[]> download = inbox.download(attachment.path("url").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(receipt);
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("receipt-2025-06.pdf");
    }

    @Test
    void anAgentsMessengerReplyReachesTheCustomerAndIsMarkedDelivered() {
        String carla = "6835125556530003";
        assertThat(meta.deliver(batch("page", entry(SHOP_PAGE, message(SHOP_PAGE, carla, "m_carla_1",
                "Where is my parcel?", Instant.now())))).statusCode()).isEqualTo(200);
        long conversation = inbox.conversationOf(carla);

        JsonNode reply = agent.post("/api/conversations/" + conversation + "/messages",
                Map.of("text", "It left our warehouse this morning.")).ok();
        String replyId = reply.path("id").asText();
        inbox.awaitStatus(conversation, replyId, "SENT");

        List<FakeGraphApi.Call> sends = graph.calls("POST", "/" + FakeGraphApi.VERSION + "/" + SHOP_PAGE + "/messages");
        assertThat(sends).hasSize(1);
        assertThat(sends.get(0).query()).containsEntry("access_token", "shop-page-token");
        assertThat(sends.get(0).json()).isEqualTo(Json.parse("{\"recipient\":{\"id\":\"" + carla + "\"},"
                + "\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"It left our warehouse this morning.\"}}"));
        String mid = graph.issuedIds.get(carla);
        assertThat(inbox.message(conversation, replyId).path("providerId").asText()).isEqualTo(mid);

        assertThat(meta.deliver(batch("page", entry(SHOP_PAGE, MetaWebhook.delivery(SHOP_PAGE, carla, mid))))
                .statusCode()).isEqualTo(200);
        inbox.awaitStatus(conversation, replyId, "DELIVERED");
    }

    @Test
    void aMessengerReplyMoreThan24HoursAfterTheCustomersLastMessageIsRefusedWithTheReason() {
        String dave = "6835125556530004";
        assertThat(meta.deliver(batch("page", entry(SHOP_PAGE, message(SHOP_PAGE, dave, "m_dave_1", "Anyone there?",
                Instant.now().minus(Duration.ofHours(25)))))).statusCode()).isEqualTo(200);
        long conversation = inbox.conversationOf(dave);

        AgentApi.Response refused = agent.post("/api/conversations/" + conversation + "/messages",
                Map.of("text", "Sorry for the wait!"));
        assertThat(refused.status()).isEqualTo(422);
        JsonNode error = refused.json();
        assertThat(error.path("error").asText()).isEqualTo("policy_refused");
        assertThat(error.path("code").asText()).isEqualTo("outside_window");
        assertThat(error.path("message").asText()).contains("last wrote 25 hours ago").contains("within 24 hours");
        assertThat(agent.messages(conversation)).hasSize(1);
        assertThat(graph.calls.stream().noneMatch(c -> c.body().contains(dave) && c.method().equals("POST"))).isTrue();
    }

    @Test
    void aWhatsAppCustomerSilentForMoreThan24HoursIsOfferedAndSentAnApprovedTemplate() {
        assertThat(meta.deliver(batch("whatsapp_business_account", MetaWebhook.whatsappEntry(WABA, WA_NUMBER,
                "15550001111", "16505550002", "Erin Example", MetaWebhook.whatsappText("wamid.HBgLMTY1MDM4_erin",
                        "Is my order ready?", Instant.now().minus(Duration.ofHours(25)))))).statusCode()).isEqualTo(200);
        long conversation = inbox.conversationOf("+16505550002");

        JsonNode templates = agent.get("/api/conversations/" + conversation + "/templates").ok();
        assertThat(templates).hasSize(1);
        assertThat(templates.get(0).path("id").asText()).isEqualTo("order_update/en_US");
        assertThat(templates.get(0).path("variables")).containsExactly(Json.parse("\"name\""), Json.parse("\"order\""));
        assertThat(templates.get(0).path("preview").asText()).isEqualTo("Hi {{1}}, your order {{2}} has shipped.");

        AgentApi.Response freeText = agent.post("/api/conversations/" + conversation + "/messages",
                Map.of("text", "Yes, it is ready."));
        assertThat(freeText.status()).isEqualTo(422);
        assertThat(freeText.json().path("code").asText()).isEqualTo("template_required");
        assertThat(freeText.json().path("message").asText()).contains("order_update/en_US");

        JsonNode reply = agent.post("/api/conversations/" + conversation + "/messages", Map.of("template",
                Map.of("id", "order_update/en_US", "variables", Map.of("name", "Erin", "order", "#4711")))).ok();
        String replyId = reply.path("id").asText();
        inbox.awaitStatus(conversation, replyId, "SENT");

        List<FakeGraphApi.Call> sends = graph.calls("POST", "/" + FakeGraphApi.VERSION + "/" + WA_NUMBER + "/messages");
        assertThat(sends).hasSize(1);
        assertThat(sends.get(0).authorization()).isEqualTo("Bearer wa-system-token");
        assertThat(sends.get(0).json()).isEqualTo(Json.parse("{\"messaging_product\":\"whatsapp\","
                + "\"recipient_type\":\"individual\",\"to\":\"16505550002\",\"type\":\"template\",\"template\":{"
                + "\"name\":\"order_update\",\"language\":{\"code\":\"en_US\"},\"components\":[{\"type\":\"body\","
                + "\"parameters\":[{\"type\":\"text\",\"text\":\"Erin\"},{\"type\":\"text\",\"text\":\"#4711\"}]}]}}"));
        assertThat(inbox.message(conversation, replyId).path("providerId").asText()).isEqualTo(graph.issuedIds.get("16505550002"));
    }
}
