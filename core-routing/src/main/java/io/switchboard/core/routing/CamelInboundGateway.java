package io.switchboard.core.routing;

import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.BusUnavailableException;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.InboundRejectedException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/** Runs the inbound pipeline on the caller's thread and turns its outcome into the SPI's exceptions. */
class CamelInboundGateway implements InboundGateway {

    private final ProducerTemplate producer;
    private final ActivityTracker activity;

    CamelInboundGateway(ProducerTemplate producer, ActivityTracker activity) {
        this.producer = producer;
        this.activity = activity;
    }

    @Override
    public void accept(InboundMessage message) {
        var customer = message.customer();
        try {
            run(Endpoints.INBOUND_PIPELINE, message);
        } catch (RuntimeException e) {
            activity.error(customer == null ? null : customer.channel(), customer == null ? null : customer.account(),
                    "Inbound: " + e.getMessage());
            throw e;
        }
        activity.inbound(customer.channel(), customer.account());
    }

    @Override
    public void updateContext(ContextUpdate update) {
        run(InboundPipelineRoute.CONTEXT, update);
    }

    private void run(String endpoint, Object body) {
        Exchange result = producer.send(endpoint, exchange -> exchange.getMessage().setBody(body));
        Exception failure = result.getException();
        if (failure == null) {
            return;
        }
        if (failure instanceof InboundRejectedException rejected) {
            throw rejected;
        }
        throw new BusUnavailableException("The message bus did not accept the message: " + failure.getMessage(), failure);
    }
}
