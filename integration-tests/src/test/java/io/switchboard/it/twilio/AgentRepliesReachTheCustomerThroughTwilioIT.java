package io.switchboard.it.twilio;

import static io.switchboard.it.twilio.TwilioWebhooks.MESSAGES;
import static io.switchboard.it.twilio.TwilioWebhooks.STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.it.AgentApi;
import io.switchboard.it.Hub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent answers SMS and WhatsApp customers: what reaches Twilio's Messages API, and how the
 * reply's delivery, as Twilio reports it, shows in the inbox. Each test is a different customer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentRepliesReachTheCustomerThroughTwilioIT {

    static final String STATUS_CALLBACK = "https://hub.example.com/webhooks/twilio/status";

    @TempDir
    static Path dataDir;
    FakeTwilio twilio;
    Hub hub;
    TwilioWebhooks webhooks;
    PhoneInbox inbox;
    AgentApi api;

    @BeforeAll
    void start() throws Exception {
        twilio = new FakeTwilio(TwilioHub.ACCOUNT_SID, TwilioHub.AUTH_TOKEN);
        hub = TwilioHub.start(dataDir, twilio);
        webhooks = new TwilioWebhooks(hub);
        inbox = new PhoneInbox(hub);
        api = inbox.api;
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
        twilio.close();
    }

    @Test
    void anSmsReplyIsSentThroughTwilioAndItsStatusOnlyMovesForward() {
        String customer = "+14155550201";
        long conversation = customerTexts(customer, "Can I change my delivery address?");

        AgentApi.Response reply = api.post(messagesOf(conversation), Map.of("text", "Yes — send us the new one."));

        assertThat(reply.status()).isEqualTo(201);
        String replyId = reply.json().path("id").asText();
        FakeTwilio.Call call = awaitCall(customer);
        assertThat(call.accountSid()).isEqualTo(TwilioHub.ACCOUNT_SID);
        assertThat(call.basicUser()).isEqualTo(TwilioHub.ACCOUNT_SID);
        assertThat(call.basicPassword()).isEqualTo(TwilioHub.AUTH_TOKEN);
        assertThat(call.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(call.params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "To", customer,
                "From", TwilioHub.OUR_NUMBER,
                "Body", "Yes — send us the new one.",
                "StatusCallback", STATUS_CALLBACK));
        JsonNode sent = awaitStatus(conversation, replyId, "SENT");
        assertThat(sent.path("providerId").asText()).isEqualTo(call.sid()).startsWith("SM");
        assertThat(sent.path("channel").asText()).isEqualTo("SMS");

        // Twilio's callbacks overtake each other: "delivered" arrives before "sent"
        assertThat(webhooks.postSigned(STATUS, TwilioWebhooks.status(call.sid(), customer, "delivered")).statusCode())
                .isEqualTo(200);
        awaitStatus(conversation, replyId, "DELIVERED");
        assertThat(webhooks.postSigned(STATUS, TwilioWebhooks.status(call.sid(), customer, "sent")).statusCode())
                .isEqualTo(200);
        await().atMost(PhoneInbox.PATIENCE).until(this::everyStatusReportIsHandled);

        assertThat(inbox.message(conversation, replyId).path("status").asText()).isEqualTo("DELIVERED");
        assertThat(twilio.callsTo(customer)).hasSize(1);
    }

    @Test
    void aReplyTwilioCouldNotDeliverShowsFailedWithAReasonTheAgentCanActOn() {
        String customer = "+14155550202";
        long conversation = customerTexts(customer, "Please call me back");
        String replyId = api.post(messagesOf(conversation), Map.of("text", "We will call you at 3 pm.")).ok()
                .path("id").asText();
        FakeTwilio.Call call = awaitCall(customer);
        awaitStatus(conversation, replyId, "SENT");

        Map<String, String> failed = TwilioWebhooks.status(call.sid(), customer, "undelivered");
        failed.put("ErrorCode", "30003");
        assertThat(webhooks.postSigned(STATUS, failed).statusCode()).isEqualTo(200);

        JsonNode message = awaitStatus(conversation, replyId, "FAILED");
        assertThat(message.path("error").asText())
                .contains("30003")
                .contains("Unreachable destination handset: the phone is switched off or out of coverage")
                .contains("https://www.twilio.com/docs/");
    }

    @Test
    void aWhatsAppReplyWithinTwentyFourHoursGoesOutAsFreeText() {
        String customer = "+14155550203";
        assertThat(webhooks.postSigned(MESSAGES,
                TwilioWebhooks.whatsapp(messageSid(), customer, "Grace", "Do you ship to Canada?")).statusCode())
                .isEqualTo(200);
        long conversation = inbox.awaitMessages(customer, 1);

        String replyId = api.post(messagesOf(conversation), Map.of("text", "We do!")).ok().path("id").asText();

        FakeTwilio.Call call = awaitCall("whatsapp:" + customer);
        assertThat(call.params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "To", "whatsapp:" + customer,
                "From", "whatsapp:" + TwilioHub.OUR_NUMBER,
                "Body", "We do!",
                "StatusCallback", STATUS_CALLBACK));
        assertThat(awaitStatus(conversation, replyId, "SENT").path("providerId").asText()).isEqualTo(call.sid());
    }

    @Test
    void aWhatsAppReplyAfterTwentyFourHoursIsRefusedAndAnApprovedTemplateGoesOutInstead() {
        String customer = "+14155550204";
        Instant yesterday = Instant.now().minus(Duration.ofHours(25));
        // the customer's WhatsApp message as the hub took it in 25 hours ago (a webhook is stamped "now")
        hub.bean(InboundGateway.class).accept(new InboundMessage(UUID.randomUUID(),
                new ChannelAddress(ChannelType.WHATSAPP, TwilioHub.OUR_NUMBER, customer), "Grace", messageSid(), null,
                "Is my order still coming?", null, List.of(), yesterday, yesterday,
                Map.of("twilio.accountSid", TwilioHub.ACCOUNT_SID), null));
        long conversation = inbox.awaitMessages(customer, 1);

        AgentApi.Response refused = api.post(messagesOf(conversation), Map.of("text", "Sorry for the wait!"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("error").asText()).isEqualTo("policy_refused");
        assertThat(refused.json().path("code").asText()).isEqualTo("outside_window");
        assertThat(refused.json().path("message").asText())
                .contains("more than 24 hours ago").contains("send an approved template instead");
        assertThat(inbox.messages(conversation)).hasSize(1);

        JsonNode templates = api.get("/api/conversations/" + conversation + "/templates").ok();
        assertThat(templates).hasSize(1);
        assertThat(templates.get(0).path("id").asText()).isEqualTo(TwilioHub.TEMPLATE_SID);
        assertThat(templates.get(0).path("name").asText()).isEqualTo(TwilioHub.TEMPLATE_NAME);
        assertThat(templates.get(0).path("language").asText()).isEqualTo("en");
        assertThat(templates.get(0).path("variables")).extracting(JsonNode::asText).containsExactly("1");
        assertThat(templates.get(0).path("preview").asText()).isEqualTo(TwilioHub.TEMPLATE_PREVIEW);

        AgentApi.Response sent = api.post(messagesOf(conversation),
                Map.of("template", Map.of("id", TwilioHub.TEMPLATE_SID, "variables", Map.of("1", "Ada"))));

        assertThat(sent.status()).isEqualTo(201);
        FakeTwilio.Call call = awaitCall("whatsapp:" + customer);
        assertThat(call.params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "To", "whatsapp:" + customer,
                "From", "whatsapp:" + TwilioHub.OUR_NUMBER,
                "ContentSid", TwilioHub.TEMPLATE_SID,
                "ContentVariables", "{\"1\":\"Ada\"}",
                "StatusCallback", STATUS_CALLBACK));
        JsonNode message = awaitStatus(conversation, sent.json().path("id").asText(), "SENT");
        assertThat(message.path("providerId").asText()).isEqualTo(call.sid());
        assertThat(twilio.callsTo("whatsapp:" + customer)).hasSize(1);
    }

    /** The customer's SMS reaches the inbox; returns the conversation's id. */
    private long customerTexts(String customer, String text) {
        assertThat(webhooks.postSigned(MESSAGES, TwilioWebhooks.sms(messageSid(), customer, text)).statusCode())
                .isEqualTo(200);
        return inbox.awaitMessages(customer, 1);
    }

    private FakeTwilio.Call awaitCall(String to) {
        await().atMost(PhoneInbox.PATIENCE).until(() -> !twilio.callsTo(to).isEmpty());
        return twilio.callsTo(to).get(0);
    }

    private JsonNode awaitStatus(long conversation, String messageId, String status) {
        await().atMost(PhoneInbox.PATIENCE).until(() -> inbox.message(conversation, messageId).path("status").asText(),
                status::equals);
        return inbox.message(conversation, messageId);
    }

    /**
     * Delivery reports travel on the bus queue {@code hub.status}; when it is empty, every report
     * posted so far has been applied (a consumer removes a report only when its transaction commits).
     */
    private boolean everyStatusReportIsHandled() {
        Queue queue = hub.bean(EmbeddedActiveMQ.class).getActiveMQServer().locateQueue("hub.status");
        return queue.getMessageCount() == 0 && queue.getDeliveringCount() == 0;
    }

    private static String messagesOf(long conversation) {
        return "/api/conversations/" + conversation + "/messages";
    }

    private static String messageSid() {
        return "SM" + FakeTwilio.hex();
    }
}
