package io.switchboard.telegram;

import static io.switchboard.telegram.TelegramTestApp.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.BusUnavailableException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = TelegramTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "hub.channels.telegram.enabled=true",
                "hub.public-base-url=https://hub.example.com/",
                "hub.channels.telegram.polling-enabled=false"})
class TelegramWebhookTest {

    static final String TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";
    static final String SECRET = "s3cr3t-Token_1";

    static final FakeBotApi telegram = new FakeBotApi(TOKEN, "654321:ZYX-wvu98");

    /** All of the list here: Spring Boot takes an indexed list from one property source only. */
    @DynamicPropertySource
    static void bots(DynamicPropertyRegistry registry) {
        String bots = "hub.channels.telegram.bots";
        registry.add(bots + "[0].name", () -> "support");
        registry.add(bots + "[0].token", () -> TOKEN);
        registry.add(bots + "[0].webhook-secret", () -> SECRET);
        registry.add(bots + "[0].max-attachment-size", () -> "1MB");
        registry.add(bots + "[0].register-webhook", () -> "true");
        registry.add(bots + "[0].api-base-url", telegram::baseUrl);
        registry.add(bots + "[1].name", () -> "sales");
        registry.add(bots + "[1].token", () -> "654321:ZYX-wvu98");
        registry.add(bots + "[1].mode", () -> "polling");
        registry.add(bots + "[1].api-base-url", telegram::baseUrl);
    }

    @AfterAll
    static void stopFake() {
        telegram.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    TelegramTestApp.RecordingGateway gateway;

    @Autowired
    AttachmentStore store;

    @BeforeEach
    void reset() {
        gateway.reset();
    }

    @Test
    void aTextMessageWithTheRightTokenIsHandedOverWithItsFields() throws Exception {
        HttpResponse<String> response = post("support", SECRET, fixture("text.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gateway.accepted).hasSize(1);
        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.customer()).isEqualTo(new ChannelAddress(ChannelType.TELEGRAM, "support", "1111111"));
        assertThat(message.displayName()).isEqualTo("Test Firstname Test Lastname (@Testusername)");
        assertThat(message.providerMessageId()).isEqualTo("support:1111111:1365");
        assertThat(message.text()).isEqualTo("/start");
        assertThat(message.attachments()).isEmpty();
        assertThat(message.occurredAt()).isEqualTo(Instant.ofEpochSecond(1441645532));
        assertThat(message.context()).containsEntry("telegram.updateId", "10000");
    }

    @Test
    void aWrongOrMissingTokenIsRefusedAndNothingIsHandedOver() throws Exception {
        assertThat(post("support", "s3cr3t-Token_2", fixture("text.json")).statusCode()).isEqualTo(403);
        assertThat(post("support", null, fixture("text.json")).statusCode()).isEqualTo(403);
        assertThat(post("support", "", fixture("text.json")).statusCode()).isEqualTo(403);
        // the secret of one bot does not open another bot's endpoint, and a bad token is refused before parsing
        assertThat(post("support", SECRET.toUpperCase(), "not json").statusCode()).isEqualTo(403);
        assertThat(gateway.attempts).hasValue(0);
    }

    @Test
    void anUnknownBotOrAPollingBotHasNoWebhook() throws Exception {
        assertThat(post("nobody", SECRET, fixture("text.json")).statusCode()).isEqualTo(404);
        assertThat(post("sales", SECRET, fixture("text.json")).statusCode()).isEqualTo(404);
        assertThat(gateway.attempts).hasValue(0);
    }

    @Test
    void malformedJsonWithTheRightTokenIsABadRequestWithAReason() throws Exception {
        HttpResponse<String> notJson = post("support", SECRET, "{\"update_id\": 1, \"message\": ");
        HttpResponse<String> noId = post("support", SECRET, "{\"message\": {}}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).startsWith("Not a Telegram update: the body is not valid JSON");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.body()).contains("update_id is missing");
        assertThat(gateway.attempts).hasValue(0);
    }

    @Test
    void aRepeatedUpdateCarriesTheSameProviderMessageId() throws Exception {
        assertThat(post("support", SECRET, fixture("text.json")).statusCode()).isEqualTo(200);
        assertThat(post("support", SECRET, fixture("text.json")).statusCode()).isEqualTo(200);

        assertThat(gateway.accepted).hasSize(2)
                .extracting(InboundMessage::providerMessageId).containsOnly("support:1111111:1365");
    }

    @Test
    void whenTheBusIsUnavailableTelegramIsAskedToRetry() throws Exception {
        gateway.failures.add(new BusUnavailableException("broker down", null));

        assertThat(post("support", SECRET, fixture("text.json")).statusCode()).isEqualTo(503);
        assertThat(post("support", SECRET, fixture("text.json")).statusCode()).isEqualTo(200);
        assertThat(gateway.accepted).hasSize(1);
    }

    @Test
    void anInboundDocumentIsStoredAsAnAttachmentWithItsCaption() throws Exception {
        byte[] pdf = "%PDF-1.4 invoice 2024-117".getBytes(StandardCharsets.US_ASCII);
        telegram.addFile("AwADBAADbXXXXXXXXXXXGBdhD2l6_XX", "documents/file_12.pdf", pdf);

        assertThat(post("support", SECRET, fixture("document.json")).statusCode()).isEqualTo(200);

        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.text()).isEqualTo("My invoice");
        assertThat(message.attachments()).singleElement().satisfies(ref -> {
            assertThat(ref.name()).isEqualTo("Testfile.pdf");
            assertThat(ref.contentType()).isEqualTo("application/pdf");
            assertThat(ref.size()).isEqualTo(pdf.length);
            try (InputStream in = store.open(ref.storageKey()).orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo(pdf);
            }
        });
        assertThat(telegram.calls("getFile")).last()
                .satisfies(call -> assertThat(call.params()).containsEntry("file_id", "AwADBAADbXXXXXXXXXXXGBdhD2l6_XX"));
    }

    @Test
    void anInboundPhotoKeepsOnlyItsLargestSize() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
        telegram.addFile("AgACAgIAAxkBAAIBlarge", "photos/file_7.jpg", jpeg);

        assertThat(post("support", SECRET, fixture("photo.json")).statusCode()).isEqualTo(200);

        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.displayName()).isEqualTo("Ada Lovelace (@ada)");
        assertThat(message.text()).isEqualTo("The broken part");
        assertThat(message.context()).containsEntry("telegram.language", "en");
        assertThat(message.attachments()).singleElement().satisfies(ref -> {
            assertThat(ref.name()).isEqualTo("photo-1368.jpg");
            assertThat(ref.contentType()).isEqualTo("image/jpeg");
            assertThat(ref.size()).isEqualTo(jpeg.length);
        });
    }

    @Test
    void aVoiceMessageBecomesAnOggAttachment() throws Exception {
        telegram.addFile("AwADBAADbXXXXXXXXXXXGBdhD2l6_VV", "voice/file_3.oga", new byte[] {'O', 'g', 'g', 'S'});

        assertThat(post("support", SECRET, fixture("voice.json")).statusCode()).isEqualTo(200);

        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.text()).isNull();
        assertThat(message.attachments()).singleElement().satisfies(ref -> {
            assertThat(ref.name()).isEqualTo("voice-1367.ogg");
            assertThat(ref.contentType()).isEqualTo("audio/ogg");
        });
    }

    @Test
    void aFileOverTheLimitBecomesANoteAndIsNotDownloaded() throws Exception {
        int getFileCalls = telegram.calls("getFile").size();

        assertThat(post("support", SECRET, fixture("big-document.json")).statusCode()).isEqualTo(200);

        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.attachments()).isEmpty();
        assertThat(message.text()).isEqualTo("Here is the backup\n"
                + "[Attachment \"backup.zip\" (31 MB) was not accepted: the limit is 1 MB]");
        assertThat(telegram.calls("getFile")).hasSize(getFileCalls);
    }

    @Test
    void anEditedMessageArrivesAsANewMessageWithANote() throws Exception {
        assertThat(post("support", SECRET, fixture("edited.json")).statusCode()).isEqualTo(200);

        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.text()).isEqualTo("[Edited message]\nEdited text");
        assertThat(message.providerMessageId()).isEqualTo("support:1111111:1365:edited:1441646600");
        assertThat(message.occurredAt()).isEqualTo(Instant.ofEpochSecond(1441646600));
    }

    @Test
    void groupChatsAndOtherUpdateKindsAreAcknowledgedButNotHandedOver() throws Exception {
        assertThat(post("support", SECRET, fixture("group.json")).statusCode()).isEqualTo(200);
        assertThat(post("support", SECRET, fixture("callback-query.json")).statusCode()).isEqualTo(200);
        assertThat(gateway.attempts).hasValue(0);
    }

    @Test
    void theWebhookIsRegisteredAtStartUpWithItsSecret() {
        await().untilAsserted(() -> assertThat(telegram.calls("setWebhook")).singleElement().satisfies(call -> {
            assertThat(call.params()).containsEntry("url", "https://hub.example.com/webhooks/telegram/support")
                    .containsEntry("secret_token", SECRET)
                    .containsEntry("allowed_updates", "[\"message\",\"edited_message\"]");
        }));
    }

    private HttpResponse<String> post(String bot, String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/webhooks/telegram/" + bot))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(SecretToken.HEADER, secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
