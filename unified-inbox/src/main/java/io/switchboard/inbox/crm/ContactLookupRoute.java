package io.switchboard.inbox.crm;

import io.switchboard.core.bus.BusHeaders;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code contact.created} and {@code contact.updated} events → the CRM lookup, through the shared
 * durable subscription {@code crm-lookup} (a failing CRM is retried with the hub's redelivery
 * policy, then dead-lettered where an admin can replay it).
 */
class ContactLookupRoute extends RouteBuilder {

    static final String ID = "crm-lookup";
    /** The events the lookup wants; the broker keeps only these for its subscription. */
    static final String SELECTOR = BusHeaders.EVENT_TYPE + " IN ('contact.created','contact.updated')";

    private final String eventsAddress;
    private final ContactLookup lookup;

    ContactLookupRoute(String eventsAddress, ContactLookup lookup) {
        this.eventsAddress = eventsAddress;
        this.lookup = lookup;
    }

    @Override
    public void configure() {
        from(WebhookEventRoute.subscription(eventsAddress, ID) + "&selector=" + SELECTOR)
                .routeId(ID).autoStartup(false) // CrmSubscriptions starts it when a lookup URL is set
                .routeConfigurationId(WebhookEventRoute.HUB_ERRORS)
                .process(exchange -> lookup.onEvent(exchange.getMessage().getBody(String.class)));
    }
}
