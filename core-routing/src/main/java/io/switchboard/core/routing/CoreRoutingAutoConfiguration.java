package io.switchboard.core.routing;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.bus.BusProperties;
import io.switchboard.core.spi.ChannelPolicy;
import io.switchboard.core.spi.DeadLetterAdmin;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.InboundHandler;
import io.switchboard.core.spi.OutboundGateway;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.RealtimeBus;
import io.switchboard.core.spi.RealtimeListener;
import io.switchboard.core.spi.StatusHandler;
import io.switchboard.core.spi.StatusReporter;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.core.JmsTemplate;

/** Wires the bus: the routes, and the SPI implementations connectors and the inbox use. */
@AutoConfiguration(after = {ArtemisAutoConfiguration.class, JmsAutoConfiguration.class})
@EnableConfigurationProperties(BusProperties.class)
public class CoreRoutingAutoConfiguration {

    @Bean
    static ArtemisClientTuning artemisClientTuning() {
        return new ArtemisClientTuning();
    }

    @Bean
    BusCodec busCodec() {
        return new BusCodec();
    }

    @Bean
    Endpoints hubEndpoints(BusProperties bus) {
        return new Endpoints(bus);
    }

    @Bean
    ActivityTracker channelActivity() {
        return new ActivityTracker();
    }

    @Bean
    RoutesBuilder hubErrorHandling(BusProperties bus) {
        return new HubErrorHandling(bus);
    }

    @Bean
    RoutesBuilder deadLetterRoute(Endpoints endpoints, BusCodec codec) {
        return new DeadLetterRoute(endpoints, codec);
    }

    @Bean
    RoutesBuilder inboundPipelineRoute(Endpoints endpoints, BusProperties bus, BusCodec codec) {
        return new InboundPipelineRoute(endpoints, new InboundValidator(bus.limits()), codec);
    }

    @Bean
    @ConditionalOnBean(InboundHandler.class)
    InboxBatchConsumer inboxConsumer(ConnectionFactory connections, BusProperties bus, BusCodec codec,
                                     InboundHandler handler) {
        return new InboxBatchConsumer(connections, bus, codec, handler);
    }

    @Bean
    @ConditionalOnBean(InboundHandler.class)
    InboxConsumerHealth inboxConsumerHealthIndicator(InboxBatchConsumer consumer) {
        return new InboxConsumerHealth(consumer);
    }

    @Bean
    RoutesBuilder statusConsumerRoute(Endpoints endpoints, BusCodec codec, ObjectProvider<StatusHandler> handler) {
        return new StatusConsumerRoute(endpoints, codec, handler);
    }

    @Bean
    RoutesBuilder outboundDispatcherRoute(Endpoints endpoints, BusCodec codec, ObjectProvider<OutboundSender> senders,
                                          ActivityTracker activity) {
        return new OutboundDispatcherRoute(endpoints, codec, new SenderRegistry(senders), activity);
    }

    @Bean
    RoutesBuilder realtimeFanoutRoute(Endpoints endpoints, ObjectProvider<RealtimeListener> listeners) {
        return new RealtimeFanoutRoute(endpoints, listeners);
    }

    @Bean
    RealtimeFanoutHealth realtimeFanoutHealthIndicator(CamelContext camel, BusProperties bus) {
        return new RealtimeFanoutHealth(camel, bus.realtime());
    }

    @Bean
    InboundGateway inboundGateway(ProducerTemplate producer, ActivityTracker activity) {
        return new CamelInboundGateway(producer, activity);
    }

    @Bean
    OutboundGateway outboundGateway(ProducerTemplate producer, Endpoints endpoints, BusCodec codec,
                                    ObjectProvider<ChannelPolicy> policies) {
        return new CamelOutboundGateway(producer, endpoints, codec, policies);
    }

    @Bean
    StatusReporter statusReporter(ProducerTemplate producer, Endpoints endpoints, BusCodec codec) {
        return new CamelStatusReporter(producer, endpoints, codec);
    }

    @Bean
    RealtimeBus realtimeBus(ProducerTemplate producer, Endpoints endpoints) {
        return new CamelRealtimeBus(producer, endpoints);
    }

    @Bean
    EventPublisher eventPublisher(ProducerTemplate producer, Endpoints endpoints, BusCodec codec, RealtimeBus realtime,
                                  ConnectionFactory connections) {
        return new CamelEventPublisher(producer, endpoints, codec, realtime, connections);
    }

    @Bean
    DeadLetterAdmin deadLetterAdmin(JmsTemplate jms, BusProperties bus) {
        return new JmsDeadLetterAdmin(jms, bus.deadLetter());
    }
}
