package io.switchboard.inbox.routing;

import io.switchboard.core.spi.EventPublisher;
import io.switchboard.core.spi.RealtimeBus;
import io.switchboard.inbox.conversation.ConversationViews;
import io.switchboard.inbox.support.Poller;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/** Wires routing: teams and rules from {@code hub.routing}, the engine, its sweep and the hooks. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RoutingStore routingStore(TransactionOperations tx, JdbcClient jdbc, RoutingProperties properties) {
        return new RoutingStore(tx, new AgentRepository(jdbc, Presence.parse(properties.initialStatus())),
                new QueueRepository(jdbc), new ActivityRepository(jdbc));
    }

    @Bean
    Teams teams(RoutingProperties properties, RoutingStore store) {
        return new Teams(properties, store.agents()::usernames);
    }

    @Bean
    AssignmentLookup assignmentLookup(JdbcClient jdbc, Teams teams) {
        return new Assignments(jdbc, teams);
    }

    @Bean
    TeamAvailability teamAvailability(Teams teams, RoutingStore store, RoutingProperties properties,
                                      ObjectProvider<TeamHours> hours, ObjectProvider<OfflineReplies> replies,
                                      Clock clock) {
        return new TeamAvailability(teams, store.agents(), properties, hours::getIfAvailable,
                replies::getIfAvailable, clock);
    }

    @Bean
    RoutingEvents routingEvents(EventPublisher events, ConversationViews views) {
        return new RoutingEvents(events, id -> views.find(id).orElse(null));
    }

    @Bean
    VisitorFrames visitorFrames(RealtimeBus realtime) {
        return new VisitorFrames(realtime);
    }

    @Bean
    RoutingEngine routingEngine(RoutingStore store, Teams teams, RoutingProperties properties,
                                TeamAvailability availability, RoutingEvents events, VisitorFrames frames,
                                Clock clock) {
        return new RoutingEngine(store, teams, properties, availability, events, frames, clock);
    }

    @Bean
    AssignmentService assignmentService(RoutingStore store, Teams teams, RoutingEngine engine,
                                        TeamAvailability availability, RoutingEvents events, VisitorFrames frames,
                                        RoutingProperties properties, Clock clock) {
        return new AssignmentService(store, teams, engine, availability, events, frames, properties, clock);
    }

    @Bean
    AgentService agentService(RoutingStore store, Teams teams, RoutingEngine engine, VisitorFrames frames,
                              RoutingProperties properties, Clock clock) {
        return new AgentService(store, teams, engine, frames, properties, clock);
    }

    /** One thread routes what arrives, so the inbound consumers never wait for routing. */
    @Bean
    Router routingHooks(RoutingEngine engine, RoutingStore store, Clock clock) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "routing");
            thread.setDaemon(true);
            return thread;
        });
        return new Router(engine, store.queue(), store.activity(), executor, clock);
    }

    @Bean
    Poller routingSweep(RoutingEngine engine, RoutingProperties properties) {
        return new Poller("routing-sweep", properties.sweepInterval(), engine::sweep);
    }
}
