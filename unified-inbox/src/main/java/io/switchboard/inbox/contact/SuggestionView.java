package io.switchboard.inbox.contact;

import java.time.Instant;

/**
 * A suggested merge as the API shows it: {@code contactId} (the contact asked about) may be the same
 * customer as {@code candidateId}, for {@code reason}. Accept with
 * {@code POST /api/contacts/{contactId}/merge {"contactId": candidateId}}.
 */
record SuggestionView(long id, long contactId, long candidateId, String reason, String status, Instant createdAt) {
}
