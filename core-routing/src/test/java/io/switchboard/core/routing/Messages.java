package io.switchboard.core.routing;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.model.OutboundMessage;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Test data. */
final class Messages {

    private Messages() {
    }

    static ChannelAddress customer(String phone) {
        return new ChannelAddress(ChannelType.SMS, "+15550001111", phone);
    }

    static InboundMessage sms(String providerId, String text) {
        return new InboundMessage(null, customer("+15557654321"), "Ada", providerId, null, text, null, null,
                null, null, Map.of(), null);
    }

    static OutboundMessage reply(String text) {
        return new OutboundMessage(UUID.randomUUID(), 7L, customer("+15557654321"), text, null, null, null, null,
                "agent", Instant.now());
    }
}
