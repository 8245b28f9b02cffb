package io.switchboard.inbox.crm;

import io.switchboard.inbox.api.ApiException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A subscription to create or replace through the admin API. */
record EndpointRequest(String name, String url, String secret, List<String> previousSecrets, List<String> events,
                       Boolean enabled) {

    List<String> secrets() {
        Set<String> all = new LinkedHashSet<>();
        all.add(secret);
        if (previousSecrets != null) {
            all.addAll(previousSecrets);
        }
        return List.copyOf(all);
    }

    boolean isEnabled() {
        return enabled == null || enabled;
    }

    /** @throws ApiException (400) naming the field at fault */
    Set<String> validate(HostGuard guard) {
        if (name == null || name.isBlank() || name.length() > 128) {
            throw ApiException.invalid("name is required (at most 128 characters)");
        }
        if (url == null || url.isBlank()) {
            throw ApiException.invalid("url is required");
        }
        try {
            guard.check(URI.create(url.trim()));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("url is not a valid URL: " + e.getMessage());
        } catch (RefusedDestinationException e) {
            throw ApiException.invalid(e.getMessage());
        }
        for (String s : secrets()) {
            if (s == null || !s.matches(CrmProperties.SECRET_PATTERN)) {
                throw ApiException.invalid("secret " + CrmProperties.SECRET_MESSAGE);
            }
        }
        try {
            return EventTypes.parse(events, "events");
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
    }
}
