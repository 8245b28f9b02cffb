package io.switchboard.twilio;

import static io.switchboard.twilio.InboundWebhookTest.PATH;
import static io.switchboard.twilio.InboundWebhookTest.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.AttachmentStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** MMS / WhatsApp media: fetched from Twilio with the account's credentials, kept as attachments. */
class InboundMediaTest extends TwilioWebTest {

    @Autowired
    AttachmentStore store;

    @Test
    void anMmsWithTwoImagesBecomesTwoStoredAttachments() throws Exception {
        byte[] png = "png-bytes".getBytes(StandardCharsets.UTF_8);
        byte[] jpeg = "jpeg-bytes".getBytes(StandardCharsets.UTF_8);
        Map<String, String> params = sms("MM00000000000000000000000000000007", "two photos");
        params.put("NumMedia", "2");
        params.put("MediaUrl0", FAKE.media(ACCOUNT_ONE, "ME01", "image/png", png));
        params.put("MediaContentType0", "image/png");
        params.put("MediaUrl1", FAKE.media(ACCOUNT_ONE, "ME02", "image/jpeg", jpeg));
        params.put("MediaContentType1", "image/jpeg");

        assertThat(postSigned(PATH, params, TOKEN_ONE).statusCode()).isEqualTo(200);

        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.text()).isEqualTo("two photos");
        assertThat(message.attachments()).extracting(AttachmentRef::name, AttachmentRef::contentType,
                AttachmentRef::size).containsExactly(
                tuple("media-1.png", "image/png", (long) png.length),
                tuple("media-2.jpg", "image/jpeg", (long) jpeg.length));
        assertThat(read(message.attachments().get(0))).isEqualTo(png);
        assertThat(read(message.attachments().get(1))).isEqualTo(jpeg);
    }

    @Test
    void mediaOverTheStoreLimitBecomesANoteLine() {
        Map<String, String> params = sms("MM00000000000000000000000000000017", "");
        params.put("NumMedia", "1");
        params.put("MediaUrl0", FAKE.media(ACCOUNT_ONE, "ME03", "video/mp4", new byte[2 * 1024 * 1024]));
        params.put("MediaContentType0", "video/mp4");

        assertThat(postSigned(PATH, params, TOKEN_ONE).statusCode()).isEqualTo(200);

        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.attachments()).isEmpty();
        assertThat(message.text()).isEqualTo("[Attachment \"media-1.mp4\" (2 MB) was not accepted: the limit is 1 MB]");
    }

    @Test
    void mediaOnAHostThatIsNotAllowedIsNotFetchedButTheMessageIsKept() {
        Map<String, String> params = sms("MM00000000000000000000000000000008", "look");
        params.put("NumMedia", "1");
        params.put("MediaUrl0", "https://evil.example/steal");
        params.put("MediaContentType0", "image/png");

        assertThat(postSigned(PATH, params, TOKEN_ONE).statusCode()).isEqualTo(200);

        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.attachments()).isEmpty();
        assertThat(message.text()).isEqualTo("look\n[Attachment \"media-1.png\" could not be downloaded from Twilio]");
    }

    private byte[] read(AttachmentRef ref) throws Exception {
        try (InputStream in = store.open(ref.storageKey()).orElseThrow()) {
            return in.readAllBytes();
        }
    }
}
