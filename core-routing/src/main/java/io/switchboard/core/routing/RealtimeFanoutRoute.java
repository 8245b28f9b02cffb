package io.switchboard.core.routing;

import io.switchboard.core.bus.BusHeaders;
import io.switchboard.core.spi.RealtimeListener;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;

/** {@code hub.realtime} (every node subscribes) → this node's listeners of the message's audience. */
class RealtimeFanoutRoute extends RouteBuilder {

    static final String ROUTE_ID = "realtime-fanout";

    private final Endpoints endpoints;
    private final BeansOnFirstUse<RealtimeListener> listeners;

    RealtimeFanoutRoute(Endpoints endpoints, ObjectProvider<RealtimeListener> listeners) {
        this.endpoints = endpoints;
        this.listeners = new BeansOnFirstUse<>(listeners);
    }

    @Override
    public void configure() {
        from(endpoints.subscribeRealtime()).routeId(ROUTE_ID)
                .process(this::fanOut);
    }

    private void fanOut(Exchange exchange) {
        String audience = exchange.getMessage().getHeader(BusHeaders.AUDIENCE, String.class);
        String key = exchange.getMessage().getHeader(BusHeaders.KEY, String.class);
        String body = exchange.getMessage().getBody(String.class);
        List<String> jsons = exchange.getMessage().getHeader(BusHeaders.FRAMES) == null
                ? List.of(body) : List.of(body.split("\n"));
        for (RealtimeListener listener : listeners.get()) {
            if (listener.audience().equals(audience)) {
                for (String json : jsons) {
                    try {
                        listener.onRealtime(key, json);
                    } catch (RuntimeException e) {
                        log.warn("Realtime listener {} failed: {}", listener.getClass().getSimpleName(),
                                e.getMessage());
                    }
                }
            }
        }
    }
}
