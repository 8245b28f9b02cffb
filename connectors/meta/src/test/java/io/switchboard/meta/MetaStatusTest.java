package io.switchboard.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.OutboundSender;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Delivery and read receipts (Messenger) and statuses (WhatsApp Cloud) reported by provider id. */
class MetaStatusTest extends WebhookTestSupport {

    @Autowired
    OutboundSender sender;

    @Test
    void messengerDeliveriesReportTheirMidsAndAReadWatermarkCoversTheMidsWeSent() {
        String sentMid = sender.send(reply(PAGE_A, PETER, "Your order ships today")).providerId();
        long watermark = System.currentTimeMillis() + 1000;

        String batch = fixture("messenger-delivery-read.json").replace("{{watermark}}", Long.toString(watermark));
        assertThat(postSigned(batch).statusCode()).isEqualTo(200);

        assertThat(statuses.reported).extracting(DeliveryStatus::hubId, DeliveryStatus::channel,
                DeliveryStatus::providerId, DeliveryStatus::state).startsWith(
                tuple(null, ChannelType.MESSENGER, "mid.1458668856218:ed81099e15d3f4f233", DeliveryState.DELIVERED))
                // Other tests of this class may have sent to Peter earlier: the watermark covers those too.
                .contains(tuple(null, ChannelType.MESSENGER, sentMid, DeliveryState.READ))
                .doesNotHaveDuplicates();
        assertThat(statuses.reported.get(statuses.reported.size() - 1).at()).isEqualTo(Instant.ofEpochMilli(watermark));

        statuses.reported.clear();
        postSigned(fixture("messenger-delivery-read.json").replace("{{watermark}}", Long.toString(watermark)));
        assertThat(statuses.reported).extracting(DeliveryStatus::state).as("read mids are reported once")
                .containsExactly(DeliveryState.DELIVERED);
        assertThat(gateway.accepted).isEmpty();
    }

    @Test
    void aReadWatermarkBeforeOurSendDoesNotMarkItRead() {
        sender.send(reply(PAGE_A, PETER, "Sent after the watermark"));

        postSigned(fixture("messenger-delivery-read.json").replace("{{watermark}}", "1458668856253"));

        assertThat(statuses.reported).extracting(DeliveryStatus::state).containsExactly(DeliveryState.DELIVERED);
    }

    @Test
    void whatsAppStatusesAreReportedWithTheFailureReason() {
        assertThat(postSigned(fixture("whatsapp-statuses.json")).statusCode()).isEqualTo(200);

        assertThat(statuses.reported).extracting(DeliveryStatus::channel, DeliveryStatus::providerId,
                DeliveryStatus::state).containsExactly(
                tuple(ChannelType.WHATSAPP, "wamid.status-sent-00000000000000000001", DeliveryState.SENT),
                tuple(ChannelType.WHATSAPP, "wamid.status-delivered-00000000000000002", DeliveryState.DELIVERED),
                tuple(ChannelType.WHATSAPP, "wamid.status-read-0000000000000000000003", DeliveryState.READ),
                tuple(ChannelType.WHATSAPP, "wamid.status-failed-000000000000000000004", DeliveryState.FAILED));
        assertThat(statuses.reported.get(3).error()).isEqualTo("WhatsApp error 131047 (Re-engagement message): "
                + "Message failed to send because more than 24 hours have passed since the customer last replied "
                + "to this number.");
        assertThat(statuses.reported.get(0).at()).isEqualTo(Instant.ofEpochSecond(1750263773L));
    }

    private static OutboundMessage reply(String page, String psid, String text) {
        return new OutboundMessage(UUID.randomUUID(), 1, new ChannelAddress(ChannelType.MESSENGER, page, psid), text,
                null, null, null, null, "Ada", Instant.now());
    }
}
