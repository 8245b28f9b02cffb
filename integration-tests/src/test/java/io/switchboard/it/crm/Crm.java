package io.switchboard.it.crm;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.it.Hub;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Settings and helpers shared by the CRM end-to-end tests. */
final class Crm {

    private Crm() {
    }

    /** One subscription to the receiver, loopback allow-listed, with a fast test schedule. */
    static Map<String, Object> subscription(CrmReceiver receiver, String events, String schedule) {
        Map<String, Object> props = new HashMap<>();
        props.put("hub.crm.webhooks[0].name", "test-crm");
        props.put("hub.crm.webhooks[0].url", receiver.url("/hooks"));
        props.put("hub.crm.webhooks[0].secret", CrmReceiver.SECRET);
        props.put("hub.crm.webhooks[0].events", events);
        props.put("hub.crm.allowed-hosts", "127.0.0.1/32");
        props.put("hub.crm.delivery.schedule", schedule);
        props.put("hub.crm.delivery.jitter", "0");
        props.put("hub.crm.delivery.poll-interval", "100ms");
        props.put("hub.events.outbox.poll-interval", "100ms");
        return props;
    }

    /** A customer message handed to the hub as a connector would hand it. */
    static void customerWrites(Hub hub, String visitor, String text) {
        hub.bean(InboundGateway.class).accept(new InboundMessage(UUID.randomUUID(),
                new ChannelAddress(ChannelType.WEBCHAT, "default", visitor), "Visitor " + visitor,
                UUID.randomUUID().toString(), null, text, null, null, Instant.now(), Instant.now(), null, null));
    }
}
