package io.switchboard.core.routing;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.PermanentSendException;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code hub.outbound} → the connector of the message's channel → a {@link DeliveryStatus} on
 * {@code hub.status}. A provider's permanent refusal becomes FAILED at once; anything else is
 * retried with the shared backoff and then dead-lettered (which also reports FAILED).
 */
class OutboundDispatcherRoute extends RouteBuilder {

    static final String ID = "outbound-dispatcher";

    private final Endpoints endpoints;
    private final BusCodec codec;
    private final SenderRegistry senders;
    private final ActivityTracker activity;

    OutboundDispatcherRoute(Endpoints endpoints, BusCodec codec, SenderRegistry senders, ActivityTracker activity) {
        this.endpoints = endpoints;
        this.codec = codec;
        this.senders = senders;
        this.activity = activity;
    }

    @Override
    public void configure() {
        from(endpoints.consume(endpoints.bus().outbound())).routeId(ID)
                .routeConfigurationId(HubErrorHandling.ID)
                .process(this::dispatch)
                .to(endpoints.send(endpoints.bus().status()));
    }

    private void dispatch(Exchange exchange) {
        OutboundMessage message = codec.read(exchange.getMessage().getBody(String.class), OutboundMessage.class);
        DeliveryStatus status;
        try {
            OutboundSender sender = senders.senderFor(message.target());
            OutboundSender.SendResult result = sender.send(message);
            status = new DeliveryStatus(message.hubId(), message.channel(), result.providerId(), DeliveryState.SENT,
                    null, Instant.now());
            activity.outbound(message.channel(), account(message));
        } catch (PermanentSendException refused) {
            log.warn("{} refused reply {}: {}", message.channel(), message.hubId(), refused.getMessage());
            activity.error(message.channel(), account(message), "Outbound: " + refused.getMessage());
            status = failed(message.hubId(), message.channel(), refused.getMessage());
        } catch (RuntimeException retried) {
            activity.error(message.channel(), account(message), "Outbound (will retry): " + retried.getMessage());
            throw retried;
        }
        exchange.getMessage().setBody(codec.write(status));
    }

    private static String account(OutboundMessage message) {
        return message.target() == null ? null : message.target().account();
    }

    private static DeliveryStatus failed(java.util.UUID hubId, ChannelType channel, String reason) {
        return new DeliveryStatus(hubId, channel, null, DeliveryState.FAILED, reason, Instant.now());
    }
}
