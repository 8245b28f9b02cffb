package io.switchboard.core.routing;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.core.spi.StatusHandler;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;

/** {@code hub.status} → the {@link StatusHandler} (the unified inbox), in a broker transaction. */
class StatusConsumerRoute extends RouteBuilder {

    static final String ID = "status-consumer";

    private final Endpoints endpoints;
    private final BusCodec codec;
    private final ObjectProvider<StatusHandler> handler;

    StatusConsumerRoute(Endpoints endpoints, BusCodec codec, ObjectProvider<StatusHandler> handler) {
        this.endpoints = endpoints;
        this.codec = codec;
        this.handler = handler;
    }

    @Override
    public void configure() {
        StatusHandler target = handler.getIfAvailable();
        if (target == null) {
            return;
        }
        from(endpoints.consume(endpoints.bus().status())).routeId(ID)
                .routeConfigurationId(HubErrorHandling.ID)
                .process(exchange -> target.onStatus(
                        codec.read(exchange.getMessage().getBody(String.class), DeliveryStatus.class)));
    }
}
