package io.switchboard.inbox.support;

import io.switchboard.core.bus.BusProperties;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The broker embedded in the hub ({@code spring.artemis.mode: embedded}), beyond what Spring Boot sets from
 * {@code spring.artemis.embedded.*}. Not used with an external broker, whose own configuration decides.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedBrokerConfiguration {

    /**
     * Duplicate ids in memory, unless {@code hub.bus.embedded.persist-duplicate-ids}. Artemis journals every id it
     * keeps to drop a second copy by (a record when the id is added, another when the 20,000 it keeps per address
     * push it out): two of every inbound message's journal records, and two of every event's, whose address keeps
     * nothing else when no CRM subscription exists. Each record is a hand-off to the journal's thread. In memory,
     * the broker still drops copies while it runs; after a restart the database drops them (the inbox stores a
     * provider's message once, a CRM endpoint gets an event id once), as it always did for copies older than the
     * broker's ids.
     */
    @Bean
    ArtemisConfigurationCustomizer embeddedBrokerDuplicateIds(BusProperties bus) {
        return configuration -> configuration.setPersistIDCache(bus.embedded().persistDuplicateIds());
    }
}
