package io.switchboard.core.routing;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.bus.BusHeaders;
import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.InboundHandler;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;

/** {@code hub.inbound} → the {@link InboundHandler} (the unified inbox), in a broker transaction. */
class InboxConsumerRoute extends RouteBuilder {

    static final String ID = "inbox-consumer";

    private final Endpoints endpoints;
    private final BusCodec codec;
    private final ObjectProvider<InboundHandler> handler;

    InboxConsumerRoute(Endpoints endpoints, BusCodec codec, ObjectProvider<InboundHandler> handler) {
        this.endpoints = endpoints;
        this.codec = codec;
        this.handler = handler;
    }

    @Override
    public void configure() {
        InboundHandler target = handler.getIfAvailable();
        if (target == null) {
            log.info("No inbound handler in this application: {} is not consumed here", endpoints.bus().inbound());
            return;
        }
        from(endpoints.consume(endpoints.bus().inbound())).routeId(ID)
                .routeConfigurationId(HubErrorHandling.ID)
                .autoStartup(endpoints.bus().consumers().inboxAutoStartup())
                .process(exchange -> deliver(exchange, target));
    }

    private void deliver(Exchange exchange, InboundHandler target) {
        String body = exchange.getMessage().getBody(String.class);
        if (BusHeaders.TYPE_CONTEXT.equals(exchange.getMessage().getHeader(BusHeaders.TYPE))) {
            target.onContext(codec.read(body, ContextUpdate.class));
        } else {
            target.onInbound(codec.read(body, InboundMessage.class));
        }
    }
}
