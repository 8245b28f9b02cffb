package io.switchboard.inbox.contact;

import java.util.List;
import java.util.Map;

/**
 * A contact as the API and events show it; {@code attributes} is what the CRM lookup returned
 * (empty when there is none).
 */
public record ContactView(long id, String displayName, List<IdentityView> identities, Map<String, Object> attributes) {

    public ContactView {
        attributes = attributes == null ? Map.of() : attributes;
    }
}
