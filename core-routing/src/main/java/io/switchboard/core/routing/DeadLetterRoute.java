package io.switchboard.core.routing;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.bus.BusHeaders;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.core.model.OutboundMessage;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Parks a message that failed every attempt on the dead-letter queue with the reason and the queue
 * it came from. A dead-lettered reply also reports FAILED, so the agent sees it did not go out.
 */
class DeadLetterRoute extends RouteBuilder {

    private final Endpoints endpoints;
    private final BusCodec codec;
    private final Map<String, String> queueOfRoute;

    DeadLetterRoute(Endpoints endpoints, BusCodec codec) {
        this.endpoints = endpoints;
        this.codec = codec;
        var bus = endpoints.bus();
        this.queueOfRoute = Map.of(
                OutboundDispatcherRoute.ID, bus.outbound(),
                StatusConsumerRoute.ID, bus.status());
    }

    @Override
    public void configure() {
        from(Endpoints.DEAD_LETTER).routeId("dead-letter")
                .process(this::describeFailure)
                // the dead-letter address has its own duplicate cache: a message parked a second
                // time (after a replay) must not be dropped there
                .removeHeader(BusHeaders.DUPLICATE_ID)
                .to(endpoints.send(endpoints.bus().deadLetter()))
                .filter(header(BusHeaders.DEAD_LETTER_QUEUE).isEqualTo(endpoints.bus().outbound()))
                    .process(this::failedStatus)
                    .to(endpoints.send(endpoints.bus().status()))
                .end();
    }

    private void describeFailure(Exchange exchange) {
        String reason = reason(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        String queue = queueOfRoute.getOrDefault(exchange.getFromRouteId(), "unknown");
        log.error("Message from {} dead-lettered to {} after its last attempt: {}",
                queue, endpoints.bus().deadLetter(), reason);
        exchange.getMessage().setHeader(BusHeaders.DEAD_LETTER_QUEUE, queue);
        exchange.getMessage().setHeader(BusHeaders.DEAD_LETTER_REASON, reason);
        exchange.getMessage().setHeader(BusHeaders.DEAD_LETTER_AT, Instant.now().toString());
    }

    /** How a failure is described on a parked message ({@code hubFailureReason}). */
    static String reason(Exception cause) {
        return cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private void failedStatus(Exchange exchange) {
        try {
            OutboundMessage message = codec.read(exchange.getMessage().getBody(String.class), OutboundMessage.class);
            String reason = exchange.getMessage().getHeader(BusHeaders.DEAD_LETTER_REASON, String.class);
            exchange.getMessage().setBody(codec.write(new DeliveryStatus(message.hubId(), message.channel(), null,
                    DeliveryState.FAILED, "Not sent after every retry: " + reason, Instant.now())));
        } catch (RuntimeException undecodable) {
            exchange.setRouteStop(true);
        }
    }
}
