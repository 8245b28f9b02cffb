package io.switchboard.core.routing;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.bus.BusHeaders;
import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Connector → {@code hub.inbound}: validate, encode, then a persistent send that carries the
 * duplicate-detection id (channel + account + provider message id) and the customer's group id.
 * It runs on the connector's thread, so the connector acknowledges its provider only after the
 * broker has the message.
 */
class InboundPipelineRoute extends RouteBuilder {

    static final String ID = "inbound-pipeline";
    static final String CONTEXT = "direct:hub-inbound-context";

    private final Endpoints endpoints;
    private final InboundValidator validator;
    private final BusCodec codec;

    InboundPipelineRoute(Endpoints endpoints, InboundValidator validator, BusCodec codec) {
        this.endpoints = endpoints;
        this.validator = validator;
        this.codec = codec;
    }

    @Override
    public void configure() {
        // refusals and bus failures go back to the connector, which answers its caller; nothing to retry here
        errorHandler(noErrorHandler());

        from(Endpoints.INBOUND_PIPELINE).routeId(ID)
                .process(this::validateAndEncode)
                .to(endpoints.send(endpoints.bus().inbound()));

        from(CONTEXT).routeId("inbound-context")
                .process(this::encodeContext)
                .to(endpoints.send(endpoints.bus().inbound()));
    }

    private void validateAndEncode(Exchange exchange) {
        InboundMessage message = validator.validate(exchange.getMessage().getBody(InboundMessage.class));
        var out = exchange.getMessage();
        out.setHeader(BusHeaders.TYPE, BusHeaders.TYPE_MESSAGE);
        out.setHeader(BusHeaders.DUPLICATE_ID, message.dedupeKey());
        out.setHeader(BusHeaders.GROUP_ID, message.customer().key());
        out.setBody(codec.write(message));
    }

    private void encodeContext(Exchange exchange) {
        ContextUpdate update = exchange.getMessage().getBody(ContextUpdate.class);
        validator.validateContext(update.context());
        var out = exchange.getMessage();
        out.setHeader(BusHeaders.TYPE, BusHeaders.TYPE_CONTEXT);
        out.setHeader(BusHeaders.GROUP_ID, update.customer().key());
        out.setBody(codec.write(update));
    }
}
