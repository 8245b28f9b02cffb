package io.switchboard.core.routing;

import io.switchboard.core.bus.BusProperties;
import io.switchboard.core.bus.MalformedBusMessageException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The one redelivery and dead-letter policy of the hub. Every consuming route opts in with
 * {@code routeConfigurationId(HubErrorHandling.ID)}: a failing message is retried with exponential
 * backoff, then parked on the dead-letter queue (where an admin can list and replay it) and the
 * consuming transaction commits. A message that cannot even be decoded is parked at once.
 */
class HubErrorHandling extends RouteConfigurationBuilder {

    static final String ID = "hub-errors";

    private final BusProperties.Redelivery policy;

    HubErrorHandling(BusProperties bus) {
        this.policy = bus.redelivery();
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(MalformedBusMessageException.class)
                    .maximumRedeliveries(0)
                    .useOriginalMessage()
                    .handled(true)
                    .to(Endpoints.DEAD_LETTER)
                .end()
                .onException(Exception.class)
                    .maximumRedeliveries(policy.maxAttempts() - 1)
                    .redeliveryDelay(policy.initialDelay().toMillis())
                    .useExponentialBackOff()
                    .backOffMultiplier(policy.multiplier())
                    .maximumRedeliveryDelay(policy.maxDelay().toMillis())
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .retriesExhaustedLogLevel(LoggingLevel.ERROR)
                    .useOriginalMessage()
                    .handled(true)
                    .to(Endpoints.DEAD_LETTER)
                .end();
    }
}
