package io.switchboard.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.attachments.FileAttachmentStore;
import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.OutboundSender.SendResult;
import io.switchboard.core.spi.PermanentSendException;
import io.switchboard.telegram.TelegramProperties.Bot;
import io.switchboard.telegram.TelegramProperties.Mode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class TelegramSenderTest {

    static final String TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";

    @TempDir
    Path dir;

    private final FakeBotApi telegram = new FakeBotApi(TOKEN);

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void aTextReplyIsSentWithSendMessage() {
        SendResult result = sender(TOKEN).send(reply("1111111", "Your order ships today.", List.of()));

        assertThat(result.providerId()).isEqualTo("1111111:500");
        assertThat(telegram.calls("sendMessage")).singleElement().satisfies(call -> assertThat(call.params())
                .containsEntry("chat_id", "1111111").containsEntry("text", "Your order ships today."));
    }

    @Test
    void aDocumentIsUploadedAsMultipartWithItsBytesNameAndCaption() throws Exception {
        FileAttachmentStore store = store();
        byte[] pdf = "%PDF-1.4 quote".getBytes(StandardCharsets.US_ASCII);
        AttachmentRef ref = store.store("Angebot \"Mai\".pdf", "application/pdf", new ByteArrayInputStream(pdf));

        SendResult result = new TelegramSender(bots(TOKEN), api(), store).send(reply("1111111", "Our quote", List.of(ref)));

        assertThat(result.providerId()).isEqualTo("1111111:500");
        assertThat(telegram.calls("sendMessage")).isEmpty();
        assertThat(telegram.calls("sendDocument")).singleElement().satisfies(call -> {
            assertThat(call.params()).containsEntry("chat_id", "1111111").containsEntry("caption", "Our quote");
            FakeRequest.FilePart file = call.files().get("document");
            assertThat(file.fileName()).isEqualTo("Angebot _Mai_.pdf");
            assertThat(file.contentType()).isEqualTo("application/pdf");
            assertThat(file.bytes()).isEqualTo(pdf);
        });
    }

    @Test
    void anImageGoesAsAPhotoAndALongTextAsItsOwnMessageFirst() throws Exception {
        FileAttachmentStore store = store();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        AttachmentRef ref = store.store("diagram.png", "image/png", new ByteArrayInputStream(png));
        String longText = "x".repeat(TelegramSender.MAX_CAPTION + 1);

        SendResult result = new TelegramSender(bots(TOKEN), api(), store).send(reply("1111111", longText, List.of(ref)));

        assertThat(result.providerId()).isEqualTo("1111111:500");
        assertThat(telegram.calls).extracting(FakeBotApi.Call::method).containsExactly("sendMessage", "sendPhoto");
        assertThat(telegram.calls("sendPhoto").get(0).files().get("photo").bytes()).isEqualTo(png);
        assertThat(telegram.calls("sendPhoto").get(0).params()).doesNotContainKey("caption");
    }

    @Test
    void aBlockedBotIsAPermanentFailureTheAgentUnderstands() {
        telegram.failingChats.put("2222222", new Object[] {403, "Forbidden: bot was blocked by the user", null});

        assertThatThrownBy(() -> sender(TOKEN).send(reply("2222222", "Hello?", List.of())))
                .isInstanceOf(PermanentSendException.class)
                .hasMessage("The customer blocked the bot on Telegram; they must unblock it (or write to it again) "
                        + "before replies can reach them.");
    }

    @Test
    void anUnknownChatIsPermanent() {
        telegram.failingChats.put("3333333", new Object[] {400, "Bad Request: chat not found", null});

        assertThatThrownBy(() -> sender(TOKEN).send(reply("3333333", "Hello?", List.of())))
                .isInstanceOf(PermanentSendException.class).hasMessageContaining("must write to the bot again");
    }

    @Test
    void aRateLimitIsTransientAndSaysWhenToRetry() {
        telegram.failingChats.put("4444444", new Object[] {429, "Too Many Requests: retry after 35", 35});

        assertThatThrownBy(() -> sender(TOKEN).send(reply("4444444", "Hello?", List.of())))
                .isInstanceOf(TelegramUnavailableException.class).isNotInstanceOf(PermanentSendException.class)
                .hasMessageContaining("retry after 35 s");
    }

    @Test
    void aServerErrorAndAnUnreachableServerAreTransient() {
        telegram.failingChats.put("5555555", new Object[] {502, "Bad Gateway", null});
        assertThatThrownBy(() -> sender(TOKEN).send(reply("5555555", "Hello?", List.of())))
                .isInstanceOf(TelegramUnavailableException.class);

        telegram.close();
        assertThatThrownBy(() -> sender(TOKEN).send(reply("1111111", "Hello?", List.of())))
                .isInstanceOf(TelegramUnavailableException.class).hasMessageNotContaining(TOKEN);
    }

    @Test
    void aWrongTokenIsPermanentAndNamesTheSettingButNotTheToken() {
        assertThatThrownBy(() -> sender("999:wrong").send(reply("1111111", "Hello?", List.of())))
                .isInstanceOf(PermanentSendException.class)
                .hasMessageContaining("its token is wrong").hasMessageNotContaining("999:wrong");
    }

    @Test
    void anAttachmentMissingFromStorageIsRefusedBeforeAnythingIsSent() throws Exception {
        AttachmentRef gone = new AttachmentRef("x.pdf", "application/pdf", 3, "2024/01/01/" + UUID.randomUUID());

        assertThatThrownBy(() -> new TelegramSender(bots(TOKEN), api(), store())
                .send(reply("1111111", "see attached", List.of(gone))))
                .isInstanceOf(PermanentSendException.class).hasMessageContaining("attach it again");
        assertThat(telegram.calls).isEmpty();
    }

    @Test
    void itClaimsOnlyTargetsOfItsOwnBots() throws Exception {
        TelegramSender sender = sender(TOKEN);

        assertThat(sender.handles(new ChannelAddress(ChannelType.TELEGRAM, "support", "1"))).isTrue();
        assertThat(sender.handles(new ChannelAddress(ChannelType.TELEGRAM, "other-bot", "1"))).isFalse();
        assertThat(sender.handles(new ChannelAddress(ChannelType.SMS, "support", "1"))).isFalse();
    }

    private TelegramSender sender(String token) {
        try {
            return new TelegramSender(bots(token), api(), store());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TelegramBots bots(String token) {
        return new TelegramBots(List.of(new Bot("support", token, Mode.WEBHOOK, "secret", telegram.baseUrl(),
                DataSize.ofMegabytes(20), false)));
    }

    private static BotApiClient api() {
        return new BotApiClient(new ObjectMapper());
    }

    private FileAttachmentStore store() throws java.io.IOException {
        return new FileAttachmentStore(dir, 1024 * 1024);
    }

    static OutboundMessage reply(String chatId, String text, List<AttachmentRef> attachments) {
        return new OutboundMessage(UUID.randomUUID(), 1, new ChannelAddress(ChannelType.TELEGRAM, "support", chatId),
                text, null, attachments, null, null, "Grace", Instant.now());
    }
}
