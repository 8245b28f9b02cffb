package io.switchboard.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.BusUnavailableException;
import io.switchboard.core.spi.InboundRejectedException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Customer messages from Messenger, Instagram and WhatsApp Cloud, as the hub receives them. */
class MetaInboundTest extends WebhookTestSupport {

    @Autowired
    AttachmentStore store;

    @Test
    void aBatchedMessengerDeliveryHandsOverEveryMessageOfEveryEntryInOrder() {
        HttpResponse<String> response = postSigned(fixture("messenger-batch.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("EVENT_RECEIVED");
        assertThat(gateway.accepted).extracting(InboundMessage::customer, InboundMessage::providerMessageId,
                InboundMessage::text, InboundMessage::displayName).containsExactly(
                tuple(new ChannelAddress(ChannelType.MESSENGER, PAGE_A, PETER), "m_1457764197618:41d102a3e1ae206a38",
                        "hello, world!", "Peter Chang"),
                tuple(new ChannelAddress(ChannelType.MESSENGER, PAGE_A, PETER), "m_1458692752590:5f2d8a7c3e1b9a0c44",
                        "Red", "Peter Chang"),
                tuple(new ChannelAddress(ChannelType.MESSENGER, PAGE_B, ANA), "m_1458692752900:9a8b7c6d5e4f3a2b11",
                        "Do you ship to Austria?", "Ana Silva"),
                tuple(new ChannelAddress(ChannelType.MESSENGER, PAGE_B, ANA), "m_1458692752999:postback0000000001",
                        "Talk to an agent", "Ana Silva"));
        assertThat(gateway.accepted.get(1).context()).containsEntry("quick_reply.payload",
                "DEVELOPER_DEFINED_PAYLOAD_FOR_PICKING_RED");
        assertThat(gateway.accepted.get(3).context()).containsEntry("postback.payload", "AGENT_HANDOVER");
        assertThat(gateway.accepted.get(0).occurredAt()).isEqualTo(Instant.ofEpochMilli(1458692752478L));
    }

    @Test
    void profileNamesAreFetchedWithThePageTokenAndCached() {
        postSigned(fixture("messenger-batch.json"));
        postSigned(fixture("messenger-batch.json"));

        var lookups = GRAPH.requestsTo("/" + FakeGraph.VERSION + "/" + PETER);
        // Fetched at most once for both batches (another test may have filled the cache already).
        assertThat(lookups).hasSizeLessThanOrEqualTo(1);
        lookups.forEach(lookup -> assertThat(lookup.query()).containsEntry("fields", "first_name,last_name")
                .containsEntry("access_token", "page-a-token"));
    }

    @Test
    void anEntryOfAnUnknownPageIsSkippedAndTheRestStillGoesThrough() {
        HttpResponse<String> response = postSigned(fixture("messenger-unknown-page.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gateway.accepted).extracting(InboundMessage::providerMessageId).containsExactly("m_known_page_0001");
    }

    @Test
    void echoesOfOurOwnSendsAreIgnored() {
        assertThat(postSigned(fixture("messenger-echo.json")).statusCode()).isEqualTo(200);
        assertThat(gateway.accepted).isEmpty();
    }

    @Test
    void aRedeliveredMessageKeepsItsProviderMessageIdAndHubId() {
        postSigned(fixture("whatsapp-text.json"));
        postSigned(fixture("whatsapp-text.json"));

        assertThat(gateway.accepted).hasSize(2);
        assertThat(gateway.accepted.get(1).providerMessageId()).isEqualTo(gateway.accepted.get(0).providerMessageId())
                .isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=");
        assertThat(gateway.accepted.get(1).hubId()).isEqualTo(gateway.accepted.get(0).hubId());
        assertThat(gateway.accepted.get(1).dedupeKey()).isEqualTo(gateway.accepted.get(0).dedupeKey());
    }

    @Test
    void whenTheBusIsUnavailableMetaIsToldToRetry() {
        gateway.failNext.set(new BusUnavailableException("broker down", null));

        HttpResponse<String> response = postSigned(fixture("messenger-batch.json"));

        assertThat(response.statusCode()).isEqualTo(503);
    }

    @Test
    void aMessageTheHubRefusesIsSkippedWithoutBlockingTheRestOfTheBatch() {
        gateway.failNext.set(new InboundRejectedException(InboundRejectedException.Reason.TOO_LARGE, "text too long"));

        HttpResponse<String> response = postSigned(fixture("messenger-batch.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gateway.accepted).hasSize(3);
    }

    @Test
    void anInstagramMessageArrivesWithTheAccountAndTheCustomersName() {
        assertThat(postSigned(fixture("instagram-message.json")).statusCode()).isEqualTo(200);

        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.customer()).isEqualTo(new ChannelAddress(ChannelType.INSTAGRAM, IG_ACCOUNT, IG_USER));
        assertThat(message.text()).isEqualTo("Is the blue one still available?");
        assertThat(message.displayName()).isEqualTo("Peter Chang");
        assertThat(message.providerMessageId()).startsWith("aWdfZAG1faXRlbToxOklHTWVzc2FnZA");
        assertThat(GRAPH.requestsTo("/" + FakeGraph.VERSION + "/" + IG_USER))
                .allSatisfy(lookup -> assertThat(lookup.query()).containsEntry("fields", "name,username"));
    }

    @Test
    void aWhatsAppMessageArrivesWithTheCustomerInE164AndTheProfileName() {
        assertThat(postSigned(fixture("whatsapp-text.json")).statusCode()).isEqualTo(200);

        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.customer()).isEqualTo(new ChannelAddress(ChannelType.WHATSAPP, WA_PHONE_ID, "+16505551234"));
        assertThat(message.displayName()).isEqualTo("Kerry Fisher");
        assertThat(message.text()).isEqualTo("Does it come in another color?");
        assertThat(message.occurredAt()).isEqualTo(Instant.ofEpochSecond(1749416383L));
    }

    @Test
    void whatsAppLocationsContactsAndInteractiveRepliesBecomeReadableText() {
        postSigned(fixture("whatsapp-rich.json"));

        assertThat(gateway.accepted).extracting(InboundMessage::text).containsExactly(
                "Location: Meta Headquarters, 1 Hacker Way, Menlo Park, CA 94025, 37.483307, -122.148981 "
                        + "https://maps.google.com/?q=37.483307,-122.148981",
                "Contact: Barbara J. Johnson, +1 (940) 555-1234 (HOME), bjohnson@example.com",
                "Change",
                "Priority Mail Express - Next Day to 2 Days");
        assertThat(gateway.accepted.get(2).context()).containsEntry("interactive.id", "change-button")
                .containsEntry("reply_to.id", "wamid.outbound0000000000000000000000");
    }

    @Test
    void aWhatsAppDocumentIsLookedUpDownloadedWithTheTokenAndStored() throws Exception {
        byte[] pdf = "%PDF-1.4 receipt".getBytes(StandardCharsets.US_ASCII);
        GRAPH.whatsappMedia.put("1003383421387256", new FakeGraph.Media(pdf, "application/pdf", null));

        assertThat(postSigned(fixture("whatsapp-document.json")).statusCode()).isEqualTo(200);

        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.text()).isEqualTo("Here is the receipt");
        assertThat(message.attachments()).singleElement().satisfies(ref -> {
            assertThat(ref.name()).isEqualTo("receipt-2025-06.pdf");
            assertThat(ref.contentType()).isEqualTo("application/pdf");
            assertThat(ref.size()).isEqualTo(pdf.length);
            assertThat(bytesOf(ref)).isEqualTo(pdf);
        });
        assertThat(GRAPH.requestsTo("/" + FakeGraph.VERSION + "/1003383421387256"))
                .singleElement().satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer wa-token"));
        assertThat(GRAPH.requestsTo("/media/1003383421387256"))
                .singleElement().satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer wa-token"));
    }

    @Test
    void messengerFilesAndImagesAreStoredAndAnOversizedOneBecomesANote() throws Exception {
        byte[] pdf = "%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01, 0x02};
        byte[] huge = new byte[(int) MetaTestApp.ATTACHMENT_LIMIT * 2];
        Arrays.fill(huge, (byte) 7);
        GRAPH.cdn.put("invoice-4711.pdf", new FakeGraph.Media(pdf, "application/pdf", null));
        GRAPH.cdn.put("photo.jpg", new FakeGraph.Media(jpeg, "image/jpeg", null));
        GRAPH.cdn.put("huge.mp4", new FakeGraph.Media(huge, "video/mp4", null));

        assertThat(postSigned(fixture("messenger-attachments.json")).statusCode()).isEqualTo(200);

        InboundMessage message = gateway.accepted.get(0);
        assertThat(message.attachments()).extracting(AttachmentRef::name, AttachmentRef::contentType)
                .containsExactly(tuple("invoice-4711.pdf", "application/pdf"), tuple("photo.jpg", "image/jpeg"));
        assertThat(bytesOf(message.attachments().get(0))).isEqualTo(pdf);
        assertThat(message.text()).isEqualTo("[Attachment \"huge.mp4\" (128 KB) was not accepted: the limit is 64 KB]");
    }

    @Test
    void anAttachmentMetaNoLongerServesBecomesANoteAndTheMessageStillArrives() {
        assertThat(postSigned(fixture("messenger-attachments.json")).statusCode()).isEqualTo(200);

        assertThat(gateway.accepted.get(0).attachments()).isEmpty();
        assertThat(gateway.accepted.get(0).text()).contains("[Attachment \"invoice-4711.pdf\" could not be downloaded");
    }

    private byte[] bytesOf(AttachmentRef ref) throws Exception {
        try (InputStream in = store.open(ref.storageKey()).orElseThrow()) {
            return in.readAllBytes();
        }
    }
}
