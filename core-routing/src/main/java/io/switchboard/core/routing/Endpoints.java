package io.switchboard.core.routing;

import io.switchboard.core.bus.BusProperties;

/** Builds the Camel endpoint URIs of the bus from {@link BusProperties}, so no route holds a literal. */
final class Endpoints {

    static final String INBOUND_PIPELINE = "direct:hub-inbound";
    static final String DEAD_LETTER = "direct:hub-dead-letter";

    private final BusProperties bus;

    Endpoints(BusProperties bus) {
        this.bus = bus;
    }

    /** Durable, persistent send; Artemis blocks until the journal has it. */
    String send(String queue) {
        return "jms:queue:" + queue + "?deliveryPersistent=true";
    }

    /**
     * Transacted consumer with a local JMS session transaction: an exception that is not handled
     * rolls the session back and the broker redelivers.
     */
    String consume(String queue) {
        String[] range = bus.consumers().concurrency().split("-", 2);
        String min = range[0].trim();
        String max = range.length > 1 ? range[1].trim() : min;
        return "jms:queue:" + queue + "?transacted=true&lazyCreateTransactionManager=false"
                + "&cacheLevelName=CACHE_CONSUMER&concurrentConsumers=" + min + "&maxConcurrentConsumers=" + max;
    }

    String publishEvents() {
        return "jms:topic:" + bus.events() + "?deliveryPersistent=true";
    }

    /**
     * Non-persistent, so not blocking: the push is best effort, and a blocking send would make each inbound
     * batch wait a broker round trip before its next step. Camel applies {@code deliveryPersistent} only
     * with {@code explicitQosEnabled}; without it the JMS default, persistent, was sent.
     */
    String publishRealtime() {
        return "jms:topic:" + bus.realtime() + "?deliveryPersistent=false&explicitQosEnabled=true";
    }

    String subscribeRealtime() {
        return "jms:topic:" + bus.realtime() + "?cacheLevelName=CACHE_CONSUMER&concurrentConsumers=1";
    }

    BusProperties bus() {
        return bus;
    }
}
