package io.switchboard.webchat;

import io.switchboard.core.spi.AvailabilityProvider;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Asks the inbox's {@link AvailabilityProvider} (if there is one) whether someone can answer this
 * visitor and which departments to offer. Without a provider, or when it fails, the widget stays
 * online with no choice: a visitor is never locked out by a routing problem.
 */
final class VisitorAvailability {

    private static final Logger log = LoggerFactory.getLogger(VisitorAvailability.class);

    private final ObjectProvider<AvailabilityProvider> provider;

    VisitorAvailability(ObjectProvider<AvailabilityProvider> provider) {
        this.provider = provider;
    }

    AvailabilityProvider.Availability forVisitor(Map<String, String> context) {
        AvailabilityProvider available = provider.getIfAvailable();
        if (available == null) {
            return AvailabilityProvider.Availability.ONLINE;
        }
        try {
            AvailabilityProvider.Availability answer = available.forVisitor(Map.copyOf(context));
            return answer == null ? AvailabilityProvider.Availability.ONLINE : answer;
        } catch (RuntimeException e) {
            log.warn("Web-chat availability unknown, showing the chat as online: {}", e.getMessage());
            return AvailabilityProvider.Availability.ONLINE;
        }
    }

    List<AvailabilityProvider.Department> departments() {
        AvailabilityProvider available = provider.getIfAvailable();
        if (available == null) {
            return List.of();
        }
        try {
            List<AvailabilityProvider.Department> departments = available.departments();
            return departments == null ? List.of()
                    : departments.stream().filter(d -> d != null && d.id() != null && !d.id().isBlank()).toList();
        } catch (RuntimeException e) {
            log.warn("Web-chat departments unknown, offering no choice: {}", e.getMessage());
            return List.of();
        }
    }
}
