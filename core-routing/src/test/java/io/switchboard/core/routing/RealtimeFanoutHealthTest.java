package io.switchboard.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.bus.BusConnections;
import io.switchboard.core.bus.BusProperties;
import io.switchboard.core.spi.RealtimeBus;
import io.switchboard.core.spi.RealtimeListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.connection.DelegatingConnectionFactory;

/**
 * {@code hub.realtime} is a non-durable topic: a push made while this node has no subscription is lost. The fan-out's
 * health (and with it readiness) says UP only once a push made right then reaches this node's listeners.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TestHub.class)
class RealtimeFanoutHealthTest {

    @Autowired
    RealtimeFanoutHealth health;
    @Autowired
    RealtimeBus realtime;
    @Autowired
    TestHub.RecordingAgents agents;
    @Autowired
    CamelContext camel;
    @Autowired
    ConnectionFactory connections;
    @Autowired
    BusProperties bus;

    /**
     * The route's JMS consumer subscribes on its own thread after the route has started. Here its broker session
     * is held back, as a slow broker would: the fan-out stays DOWN, "not subscribed yet", for as long as it lasts,
     * and once UP a push made at once arrives.
     */
    @Test
    void itIsDownWhileTheStartedRouteHasNotSubscribed() throws Exception {
        CountDownLatch sessions = new CountDownLatch(1);
        TestHub.RecordingAgents listener = new TestHub.RecordingAgents();
        try (DefaultCamelContext node = new DefaultCamelContext()) {
            node.addComponent("jms", JmsComponent.jmsComponent(sessionsHeldBack(sessions)));
            node.addRoutes(new RealtimeFanoutRoute(new Endpoints(bus),
                    new StaticListableBeanFactory(Map.of("agents", listener)).getBeanProvider(RealtimeListener.class)));
            node.start();
            RealtimeFanoutHealth fanout = new RealtimeFanoutHealth(node, bus.realtime());

            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> fanout.health().getStatus().equals(Status.DOWN));
            assertThat(fanout.health().getDetails()).containsEntry("subscribed", false)
                    .hasEntrySatisfying("reason", reason -> assertThat(reason.toString()).contains("not subscribed"));

            sessions.countDown();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(1))
                    .until(() -> fanout.health().getStatus().equals(Status.UP));
            String push = "{\"held\":\"" + UUID.randomUUID() + "\"}";
            realtime.publish("agents", null, push);
            await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.contains(push));
        }
    }

    /** The broker's factory, whose connections open a session only once {@code released} has counted down. */
    private ConnectionFactory sessionsHeldBack(CountDownLatch released) {
        DelegatingConnectionFactory factory = new DelegatingConnectionFactory() {
            @Override
            public Connection createConnection() throws JMSException {
                Connection connection = super.createConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("createSession")
                                    && !released.await(30, TimeUnit.SECONDS)) {
                                throw new JMSException("the test never released its sessions");
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        factory.setTargetConnectionFactory(BusConnections.uncached(connections));
        return factory;
    }

    @Test
    void aPushMadeAsSoonAsItSaysUpReachesTheListeners() throws Exception {
        for (int round = 1; round <= 5; round++) {
            camel.getRouteController().stopRoute(RealtimeFanoutRoute.ROUTE_ID);
            Health stopped = health.health();
            assertThat(stopped.getStatus()).isEqualTo(Status.DOWN);
            assertThat(stopped.getDetails()).containsEntry("subscribed", false)
                    .containsEntry("reason", "the fan-out route has not started");

            camel.getRouteController().startRoute(RealtimeFanoutRoute.ROUTE_ID);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(1))
                    .until(() -> health.health().getStatus().equals(Status.UP));
            String tag = "{\"round\":\"" + round + "-" + UUID.randomUUID() + "\"}";
            realtime.publish("agents", null, tag);

            await().atMost(Duration.ofSeconds(10)).until(() -> agents.received.contains(tag));
        }
        assertThat(health.health().getDetails()).containsEntry("subscribed", true).containsKey("topic");
    }
}
