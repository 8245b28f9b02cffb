package io.switchboard.inbox.outbox;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.core.spi.RealtimeBus;
import io.switchboard.inbox.support.Poller;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Puts the transactional outbox in front of core-routing's publisher: the inbox's services publish
 * to the outbox (and to agents on {@code hub.realtime} after the commit), the relay publishes to
 * {@code hub.events} in batches.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    Poller outboxRelay(OutboxRepository outbox, @Qualifier("eventPublisher") EventPublisher bus, BusCodec codec,
                       TransactionOperations tx,
                       @Value("${hub.events.outbox.poll-interval:1s}") Duration interval,
                       @Value("${hub.events.outbox.batch-size:100}") int batchSize) {
        return new Poller("event-outbox-relay", interval, new OutboxRelay(outbox, bus, codec, tx, batchSize));
    }

    @Bean
    @Primary
    EventPublisher outboxEventPublisher(OutboxRepository outbox, BusCodec codec, TransactionOperations tx,
                                        @Qualifier("outboxRelay") Poller relay, RealtimeBus realtime) {
        return new OutboxEventPublisher(outbox, codec, tx, relay, realtime);
    }
}
