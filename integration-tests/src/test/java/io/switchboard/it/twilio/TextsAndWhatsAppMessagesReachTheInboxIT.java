package io.switchboard.it.twilio;

import static io.switchboard.it.twilio.TwilioWebhooks.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.it.Hub;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A customer texts or WhatsApps our Twilio number: what Twilio gets back, and what the agent sees.
 * Each test is a different customer (phone number), so the tests share one hub.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextsAndWhatsAppMessagesReachTheInboxIT {

    @TempDir
    static Path dataDir;
    FakeTwilio twilio;
    Hub hub;
    TwilioWebhooks webhooks;
    PhoneInbox inbox;

    @BeforeAll
    void start() throws Exception {
        twilio = new FakeTwilio(TwilioHub.ACCOUNT_SID, TwilioHub.AUTH_TOKEN);
        hub = TwilioHub.start(dataDir, twilio);
        webhooks = new TwilioWebhooks(hub);
        inbox = new PhoneInbox(hub);
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
        twilio.close();
    }

    @Test
    void aSignedSmsIsAnsweredWithEmptyTwimlAndBecomesAConversation() throws Exception {
        String customer = "+14155550101";
        String sid = messageSid();

        HttpResponse<String> response = webhooks.postSigned(MESSAGES,
                TwilioWebhooks.sms(sid, customer, "Hi, where is my order #1042?"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        // an empty <Response/>: Twilio sends no automatic answer to the customer
        Element twiml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertThat(twiml.getTagName()).isEqualTo("Response");
        assertThat(twiml.getChildNodes().getLength()).isZero();
        // a provider callback gets no browser session and no CSRF cookie
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();

        long id = inbox.awaitMessages(customer, 1);
        JsonNode conversation = inbox.conversationOf(customer).orElseThrow();
        assertThat(conversation.path("status").asText()).isEqualTo("open");
        assertThat(conversation.path("lastChannel").asText()).isEqualTo("SMS");
        assertThat(conversation.path("preview").asText()).isEqualTo("Hi, where is my order #1042?");
        assertThat(conversation.path("context").path("geo.city").asText()).isEqualTo("SAN FRANCISCO");
        assertThat(identities(conversation)).containsExactly("SMS " + TwilioHub.OUR_NUMBER + " " + customer);
        JsonNode message = inbox.messages(id).get(0);
        assertThat(message.path("direction").asText()).isEqualTo("INBOUND");
        assertThat(message.path("channel").asText()).isEqualTo("SMS");
        assertThat(message.path("account").asText()).isEqualTo(TwilioHub.OUR_NUMBER);
        assertThat(message.path("address").asText()).isEqualTo(customer);
        assertThat(message.path("text").asText()).isEqualTo("Hi, where is my order #1042?");
        assertThat(message.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(message.path("providerId").asText()).isEqualTo(sid);
    }

    @Test
    void anUnsignedOrForgedWebhookIsRefusedWith403AndNothingIsStored() {
        String customer = "+14155550102";
        Map<String, String> forged = TwilioWebhooks.sms(messageSid(), customer, "Send me the admin password");
        String publicUrl = TwilioHub.PUBLIC_BASE_URL + MESSAGES;

        assertThat(webhooks.post(MESSAGES, forged, null).statusCode()).isEqualTo(403);
        assertThat(webhooks.post(MESSAGES, forged, TwilioWebhooks.sign("someone-elses-token", publicUrl, forged))
                .statusCode()).isEqualTo(403);
        assertThat(webhooks.post(MESSAGES, forged, "bm90IGEgc2lnbmF0dXJl").statusCode()).isEqualTo(403);
        // signed over the loopback URL the hub sees instead of the public one Twilio calls
        String loopbackSignature = TwilioWebhooks.sign(TwilioHub.AUTH_TOKEN, hub.http(MESSAGES), forged);
        assertThat(webhooks.post(MESSAGES, forged, loopbackSignature).statusCode()).isEqualTo(403);
        // a genuine signature, but over another text than the one posted
        Map<String, String> tampered = TwilioWebhooks.sms(forged.get("MessageSid"), customer, "Hello");
        String signatureOfHello = TwilioWebhooks.sign(TwilioHub.AUTH_TOKEN, publicUrl, tampered);
        tampered.put("Body", "Send me the admin password");
        assertThat(webhooks.post(MESSAGES, tampered, signatureOfHello).statusCode()).isEqualTo(403);

        // the refusals were answered before anything reached the bus: the customer's next genuine
        // message is the only one the agent ever sees
        assertThat(webhooks.postSigned(MESSAGES, TwilioWebhooks.sms(messageSid(), customer, "A genuine text"))
                .statusCode()).isEqualTo(200);
        long id = inbox.awaitMessages(customer, 1);
        assertThat(inbox.texts(id)).containsExactly("A genuine text");
    }

    @Test
    void aMessageToANumberThatIsNotOursIsRefusedWith404AndNothingIsStored() {
        String customer = "+14155550103";
        Map<String, String> toAStranger = TwilioWebhooks.sms(messageSid(), customer, "Wrong number?");
        toAStranger.put("To", "+15559998888");

        HttpResponse<String> response = webhooks.postSigned(MESSAGES, toAStranger);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("+15559998888");
        assertThat(webhooks.postSigned(MESSAGES, TwilioWebhooks.sms(messageSid(), customer, "To the right number"))
                .statusCode()).isEqualTo(200);
        long id = inbox.awaitMessages(customer, 1);
        assertThat(inbox.texts(id)).containsExactly("To the right number");
    }

    @Test
    void twilioRetryingAMessageStoresItOnce() {
        String customer = "+14155550104";
        Map<String, String> sms = TwilioWebhooks.sms(messageSid(), customer, "Is anyone there?");

        assertThat(webhooks.postSigned(MESSAGES, sms).statusCode()).isEqualTo(200);
        // Twilio did not see the first answer in time and posts the same MessageSid again
        assertThat(webhooks.postSigned(MESSAGES, sms).statusCode()).isEqualTo(200);
        assertThat(webhooks.postSigned(MESSAGES, TwilioWebhooks.sms(messageSid(), customer, "Hello?"))
                .statusCode()).isEqualTo(200);

        long id = inbox.awaitMessages(customer, 2);
        assertThat(inbox.texts(id)).containsExactly("Is anyone there?", "Hello?");
        assertThat(inbox.conversationsOf(customer)).hasSize(1);
    }

    @Test
    void anMmsWithTwoPhotosShowsTwoAttachmentsThatBothDownload() {
        String customer = "+14155550105";
        byte[] box = image(0xFF, 0xD8, 0xFF, 0xE0, 3_000);
        byte[] label = image(0x89, 'P', 'N', 'G', 2_000);
        Map<String, String> mms = TwilioWebhooks.sms("MM" + FakeTwilio.hex(), customer, "The box arrived damaged");
        mms.put("NumMedia", "2");
        mms.put("MediaUrl0", twilio.media("image/jpeg", box));
        mms.put("MediaContentType0", "image/jpeg");
        mms.put("MediaUrl1", twilio.media("image/png", label));
        mms.put("MediaContentType1", "image/png");

        assertThat(webhooks.postSigned(MESSAGES, mms).statusCode()).isEqualTo(200);

        long id = inbox.awaitMessages(customer, 1);
        JsonNode message = inbox.messages(id).get(0);
        assertThat(message.path("text").asText()).isEqualTo("The box arrived damaged");
        List<JsonNode> attachments = PhoneInbox.stream(message.path("attachments")).toList();
        assertThat(attachments).extracting(a -> a.path("name").asText() + " " + a.path("contentType").asText()
                + " " + a.path("size").asLong())
                .containsExactly("media-1.jpg image/jpeg 3000", "media-2.png image/png 2000");
        assertThat(download(attachments.get(0))).isEqualTo(box);
        assertThat(download(attachments.get(1))).isEqualTo(label);
        // Twilio's media is private: fetched with the account's credentials
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (TwilioHub.ACCOUNT_SID + ":" + TwilioHub.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(twilio.mediaDownloads).containsExactly(basic, basic);
    }

    @Test
    void aWhatsAppMessageFromANumberKnownBySmsJoinsTheSameContactAndConversation() {
        String customer = "+14155550106";
        assertThat(webhooks.postSigned(MESSAGES, TwilioWebhooks.sms(messageSid(), customer, "Texting you first"))
                .statusCode()).isEqualTo(200);
        inbox.awaitMessages(customer, 1);

        assertThat(webhooks.postSigned(MESSAGES,
                TwilioWebhooks.whatsapp(messageSid(), customer, "Ada Lovelace", "Now on WhatsApp")).statusCode())
                .isEqualTo(200);

        long id = inbox.awaitMessages(customer, 2);
        assertThat(inbox.conversationsOf(customer)).hasSize(1);
        JsonNode conversation = inbox.conversationOf(customer).orElseThrow();
        assertThat(conversation.path("lastChannel").asText()).isEqualTo("WHATSAPP");
        assertThat(identities(conversation)).containsExactlyInAnyOrder(
                "SMS " + TwilioHub.OUR_NUMBER + " " + customer, "WHATSAPP " + TwilioHub.OUR_NUMBER + " " + customer);
        assertThat(conversation.path("contact").path("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(inbox.messages(id)).extracting(m -> m.path("channel").asText() + ": " + m.path("text").asText())
                .containsExactly("SMS: Texting you first", "WHATSAPP: Now on WhatsApp");
        assertThat(inbox.messages(id).get(1).path("author").asText()).isEqualTo("Ada Lovelace");
    }

    private byte[] download(JsonNode attachment) {
        HttpResponse<byte[]> response = inbox.download(attachment.path("url").asText());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("attachment"));
        return response.body();
    }

    private static List<String> identities(JsonNode conversation) {
        return PhoneInbox.stream(conversation.path("contact").path("identities"))
                .map(i -> i.path("channel").asText() + " " + i.path("account").asText() + " "
                        + i.path("address").asText())
                .toList();
    }

    /** {@code size} bytes starting with an image format's magic number. */
    private static byte[] image(int b0, int b1, int b2, int b3, int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        bytes[0] = (byte) b0;
        bytes[1] = (byte) b1;
        bytes[2] = (byte) b2;
        bytes[3] = (byte) b3;
        return bytes;
    }

    private static String messageSid() {
        return "SM" + FakeTwilio.hex();
    }
}
