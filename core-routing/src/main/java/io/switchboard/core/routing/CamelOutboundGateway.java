package io.switchboard.core.routing;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.bus.BusHeaders;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.BusUnavailableException;
import io.switchboard.core.spi.ChannelPolicy;
import io.switchboard.core.spi.OutboundGateway;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;

/** Checks channel policies and queues replies durably on {@code hub.outbound}. */
class CamelOutboundGateway implements OutboundGateway {

    private final ProducerTemplate producer;
    private final Endpoints endpoints;
    private final BusCodec codec;
    private final BeansOnFirstUse<ChannelPolicy> policies;

    CamelOutboundGateway(ProducerTemplate producer, Endpoints endpoints, BusCodec codec,
                         ObjectProvider<ChannelPolicy> policies) {
        this.producer = producer;
        this.endpoints = endpoints;
        this.codec = codec;
        this.policies = new BeansOnFirstUse<>(policies);
    }

    @Override
    public Optional<ChannelPolicy.PolicyRefusal> check(OutboundMessage message, Instant lastInboundAt) {
        return policies.get().stream()
                .filter(policy -> policy.appliesTo(message.target()))
                .map(policy -> policy.check(message, lastInboundAt))
                .flatMap(Optional::stream)
                .findFirst();
    }

    @Override
    public void enqueue(OutboundMessage message) {
        try {
            producer.sendBodyAndHeaders(endpoints.send(endpoints.bus().outbound()), codec.write(message),
                    Map.of(BusHeaders.DUPLICATE_ID, "OUT:" + message.hubId(),
                            BusHeaders.GROUP_ID, message.target().key()));
        } catch (CamelExecutionException e) {
            throw new BusUnavailableException("The message bus did not accept the reply: " + e.getCause(), e);
        }
    }
}
