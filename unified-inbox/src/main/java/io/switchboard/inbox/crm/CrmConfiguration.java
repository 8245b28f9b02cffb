package io.switchboard.inbox.crm;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.bus.BusProperties;
import io.switchboard.inbox.contact.ContactRepository;
import io.switchboard.inbox.support.Database;
import io.switchboard.inbox.support.Poller;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/** Wires CRM webhooks: the event subscription, the delivery poller and the outbound HTTP client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CrmProperties.class)
class CrmConfiguration {

    @Bean
    WebhookHttp webhookHttp(CrmProperties crm) {
        return new WebhookHttp(new HostGuard(crm.allowedHosts()), crm.delivery().connectTimeout(),
                crm.delivery().timeout());
    }

    @Bean
    DeliveryClaims deliveryClaims(JdbcClient jdbc, TransactionOperations tx, Database database) {
        return new DeliveryClaims(jdbc, tx, database == Database.POSTGRESQL);
    }

    @Bean
    Poller webhookDispatcher(CrmProperties crm, DeliveryClaims claims, DeliveryRepository deliveries,
                             EndpointRepository endpoints, WebhookHttp http, TransactionOperations tx) {
        WebhookDispatcher dispatcher = new WebhookDispatcher(claims, deliveries, endpoints, http,
                new RetrySchedule(crm.delivery()), tx, crm.delivery());
        return new Poller("webhook-dispatcher", crm.delivery().pollInterval(), dispatcher);
    }

    @Bean
    ConfigSubscriptions configSubscriptions(CrmProperties crm, EndpointRepository endpoints, TransactionOperations tx) {
        return new ConfigSubscriptions(crm, endpoints, tx);
    }

    @Bean
    RoutesBuilder contactLookupRoute(CrmProperties crm, BusProperties bus, WebhookHttp http, ContactRepository contacts,
                                     BusCodec codec) {
        return new ContactLookupRoute(bus.events(), new ContactLookup(crm.lookup(), http, contacts, codec));
    }

    @Bean
    CrmSubscriptions crmSubscriptions(CrmProperties crm, BusProperties bus, EndpointRepository endpoints,
                                      ConnectionFactory connections, ObjectProvider<CamelContext> camel) {
        // CamelContext through a provider: a lifecycle bean's dependencies are started before it, and Camel
        // must start only once the context is refreshed, when its routes are added
        return new CrmSubscriptions(
                new EventSubscription(WebhookEventRoute.ID, bus.events(), null, connections, camel::getObject),
                endpoints::any,
                new EventSubscription(ContactLookupRoute.ID, bus.events(), ContactLookupRoute.SELECTOR, connections,
                        camel::getObject),
                crm.lookup().enabled());
    }

    @Bean
    Poller crmEndpointCheck(CrmProperties crm, CrmSubscriptions subscriptions) {
        return new Poller("crm-endpoint-check", crm.endpointCheckInterval(), subscriptions);
    }

    @Bean
    RoutesBuilder webhookEventRoute(BusProperties bus, EndpointRepository endpoints, DeliveryRepository deliveries,
                                    BusCodec codec, TransactionOperations tx,
                                    @Qualifier("webhookDispatcher") Poller dispatcher) {
        return new WebhookEventRoute(bus.events(), new WebhookFanout(endpoints, deliveries, codec, tx, dispatcher));
    }
}
