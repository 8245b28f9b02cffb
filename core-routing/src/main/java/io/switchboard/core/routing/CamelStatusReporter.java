package io.switchboard.core.routing;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.core.spi.BusUnavailableException;
import io.switchboard.core.spi.StatusReporter;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/** Puts a provider's delivery report durably on {@code hub.status}. */
class CamelStatusReporter implements StatusReporter {

    private final ProducerTemplate producer;
    private final Endpoints endpoints;
    private final BusCodec codec;

    CamelStatusReporter(ProducerTemplate producer, Endpoints endpoints, BusCodec codec) {
        this.producer = producer;
        this.endpoints = endpoints;
        this.codec = codec;
    }

    @Override
    public void report(DeliveryStatus status) {
        try {
            producer.sendBody(endpoints.send(endpoints.bus().status()), codec.write(status));
        } catch (CamelExecutionException e) {
            throw new BusUnavailableException("The message bus did not accept the status: " + e.getCause(), e);
        }
    }
}
