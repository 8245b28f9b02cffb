package io.switchboard.inbox.contact;

import java.time.Instant;
import java.util.List;

/** A contact with what the agent edits and merges by: {@code mergedInto} is set while it is merged into another. */
record ContactDetails(long id, String displayName, List<IdentityView> identities, Long mergedInto,
                      Instant createdAt, Instant updatedAt) {
}
