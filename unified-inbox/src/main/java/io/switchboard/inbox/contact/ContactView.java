package io.switchboard.inbox.contact;

import java.util.List;

/** A contact as the API and events show it. */
public record ContactView(long id, String displayName, List<IdentityView> identities) {
}
