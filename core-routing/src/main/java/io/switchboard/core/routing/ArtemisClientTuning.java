package io.switchboard.core.routing;

import io.switchboard.core.bus.BusConnections;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Turns on the Artemis JMS client's destination cache on the connection factory Spring Boot builds
 * (embedded or native). Without it every send through a JmsTemplate — each event, each realtime
 * push — first asks the broker whether the topic exists (a blocking round trip, {@code addressQuery});
 * the hub's addresses never go away while it runs. Durability is unchanged: sends stay persistent
 * and blocking.
 */
final class ArtemisClientTuning implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(ArtemisClientTuning.class);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        ConnectionFactory target = bean instanceof ConnectionFactory factory ? BusConnections.uncached(factory) : null;
        if (target instanceof ActiveMQConnectionFactory artemis && !artemis.isCacheDestinations()) {
            try {
                artemis.setCacheDestinations(true);
            } catch (RuntimeException e) {
                log.warn("Could not enable the Artemis destination cache on {}: {}", beanName, e.getMessage());
            }
        }
        return bean;
    }
}
