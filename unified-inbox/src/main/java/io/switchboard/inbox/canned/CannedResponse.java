package io.switchboard.inbox.canned;

import java.time.Instant;

/**
 * A canned response as the API shows it: {@code shortcut} is typed after "/" in the reply box;
 * {@code text} may hold {@code {{contact.name}}} and {@code {{agent.name}}}, filled in by the console.
 * {@code shared}: visible to every agent; otherwise only to {@code owner} (a username).
 */
record CannedResponse(long id, String shortcut, String text, boolean shared, String owner,
                      Instant createdAt, Instant updatedAt) {
}
