package io.switchboard.core.routing;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsConsumer;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jms.listener.AbstractMessageListenerContainer;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * {@code /actuator/health/realtimeFanout}: whether this node is subscribed to {@code hub.realtime}. The topic is
 * not durable, so a push published while no subscription exists reaches nobody on this node. The route's JMS
 * consumer subscribes on its own thread some time after the route has started; until it has, this is DOWN,
 * and so is readiness (the readiness group includes it): a load balancer sends agents and customers to the
 * node only once the pushes their actions cause can reach them. It reads the listener container's own count of
 * consumers registered with the topic.
 */
final class RealtimeFanoutHealth implements HealthIndicator {

    private final CamelContext camel;
    private final String topic;

    RealtimeFanoutHealth(CamelContext camel, String topic) {
        this.camel = camel;
        this.topic = topic;
    }

    @Override
    public Health health() {
        Route route = camel.getRoute(RealtimeFanoutRoute.ROUTE_ID);
        if (route == null || !(route.getConsumer() instanceof JmsConsumer consumer) || !consumer.isStarted()) {
            return Health.down().withDetail("topic", topic).withDetail("subscribed", false)
                    .withDetail("reason", "the fan-out route has not started").build();
        }
        boolean subscribed = subscribed(consumer);
        Health.Builder health = subscribed ? Health.up() : Health.down()
                .withDetail("reason", "the route has started; its consumer has not subscribed to the topic yet"
                        + " (it does so on its own thread)");
        return health.withDetail("topic", topic).withDetail("subscribed", subscribed).build();
    }

    private static boolean subscribed(JmsConsumer consumer) {
        try {
            AbstractMessageListenerContainer container = consumer.getListenerContainer();
            // A listener container of another kind (none is configured) would not say; count it as subscribed.
            return !(container instanceof DefaultMessageListenerContainer listener) || listener.isRegisteredWithDestination();
        } catch (Exception e) {
            return false;
        }
    }
}
