package io.switchboard.inbox.crm;

import org.apache.camel.builder.RouteBuilder;

/**
 * {@code hub.events} → webhook deliveries, through the shared durable subscription
 * {@code crm-webhooks}: every hub node consumes from the same subscription, and events published
 * while no node runs wait in it. Transacted like the other consumers, with the hub's shared
 * redelivery and dead-letter policy. It runs only while a webhook subscription exists ({@link CrmSubscriptions}).
 */
class WebhookEventRoute extends RouteBuilder {

    static final String ID = "crm-webhooks";
    /** The id of core-routing's shared redelivery/dead-letter route configuration. */
    static final String HUB_ERRORS = "hub-errors";

    private final String eventsAddress;
    private final WebhookFanout fanout;

    WebhookEventRoute(String eventsAddress, WebhookFanout fanout) {
        this.eventsAddress = eventsAddress;
        this.fanout = fanout;
    }

    static String subscription(String address, String name) {
        return "jms:topic:" + address + "?subscriptionDurable=true&subscriptionShared=true"
                + "&durableSubscriptionName=" + name
                + "&transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=1";
    }

    @Override
    public void configure() {
        from(subscription(eventsAddress, ID)).routeId(ID).autoStartup(false) // CrmSubscriptions starts it
                .routeConfigurationId(HUB_ERRORS)
                .process(exchange -> fanout.onEvent(exchange.getMessage().getBody(String.class)));
    }
}
