package io.switchboard.inbox.crm;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Brings the subscriptions of {@code hub.crm.webhooks} into the database at start-up (by name), so
 * deliveries can refer to them. A subscription disabled by a {@code 410 Gone} stays disabled until
 * its URL changes or an admin enables it.
 */
class ConfigSubscriptions implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ConfigSubscriptions.class);

    private final CrmProperties properties;
    private final EndpointRepository endpoints;
    private final TransactionOperations tx;

    ConfigSubscriptions(CrmProperties properties, EndpointRepository endpoints, TransactionOperations tx) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        List<CrmProperties.Subscription> subscriptions = properties.webhooks();
        for (int i = 0; i < subscriptions.size(); i++) {
            CrmProperties.Subscription s = subscriptions.get(i);
            String where = "hub.crm.webhooks[" + i + "]";
            Set<String> types = EventTypes.parse(s.events(), where + ".events");
            List<String> secrets = secrets(s);
            tx.executeWithoutResult(status -> endpoints.findByName(s.name()).ifPresentOrElse(
                    existing -> {
                        if (!Endpoint.CONFIG.equals(existing.source())) {
                            throw new IllegalStateException(where + ".name: '" + s.name()
                                    + "' is already used by a subscription made with the admin API; pick another name");
                        }
                        endpoints.update(existing.id(), s.url(), secrets, types, s.enabled());
                    },
                    () -> endpoints.insert(s.name(), Endpoint.CONFIG, s.url(), secrets, types, s.enabled())));
        }
        if (!subscriptions.isEmpty()) {
            log.info("{} webhook subscription(s) from hub.crm.webhooks", subscriptions.size());
        }
    }

    private static List<String> secrets(CrmProperties.Subscription s) {
        Set<String> all = new LinkedHashSet<>();
        all.add(s.secret());
        all.addAll(s.previousSecrets());
        return List.copyOf(all);
    }
}
