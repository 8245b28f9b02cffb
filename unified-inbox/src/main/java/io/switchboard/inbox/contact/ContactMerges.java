package io.switchboard.inbox.contact;

import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.inbox.api.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Agents merge two contacts into one and undo it. The merged contact's identities and conversations
 * move to the surviving one (its timeline stays whole: messages never move between conversations);
 * a split moves back exactly what the merge moved. Each is an event naming who and why.
 */
@Service
public class ContactMerges {

    static final int MAX_REASON = 1000;

    private final TransactionOperations tx;
    private final ContactRepository contacts;
    private final MergeRepository merges;
    private final MergeSuggestions suggestions;
    private final EventPublisher events;
    private final Clock clock;

    public ContactMerges(TransactionOperations tx, ContactRepository contacts, MergeRepository merges,
                         MergeSuggestions suggestions, EventPublisher events, Clock clock) {
        this.tx = tx;
        this.contacts = contacts;
        this.merges = merges;
        this.suggestions = suggestions;
        this.events = events;
        this.clock = clock;
    }

    /** Merges {@code sourceId} into {@code targetId}. */
    public MergeView merge(long targetId, long sourceId, String by, String reason) {
        if (targetId == sourceId) {
            throw ApiException.invalid("A contact cannot be merged into itself; name another contact");
        }
        String why = reason(reason);
        MergeView merge = tx.execute(s -> {
            lockInOrder(targetId, sourceId);
            standing(targetId);
            standing(sourceId);
            long id = merges.merge(targetId, sourceId, by, why, clock.instant());
            suggestions.accepted(targetId, sourceId);
            return merges.find(id).orElseThrow();
        });
        events.publish(event(EventType.CONTACT_MERGED, merge, targetId, sourceId));
        return merge;
    }

    public MergeView split(long mergeId, String by, String reason) {
        String why = reason(reason);
        MergeView merge = merges.find(mergeId).orElseThrow(() -> ApiException.notFound("No merge " + mergeId));
        MergeView split = tx.execute(s -> {
            lockInOrder(merge.contactId(), merge.mergedContactId());
            MergeView current = merges.find(mergeId).orElseThrow();
            if (current.splitAt() != null) {
                throw conflict("Merge " + mergeId + " was already split by " + current.splitBy());
            }
            Long targetInto = merges.mergedInto(current.contactId());
            if (targetInto != null && targetInto != 0) {
                throw conflict("Contact " + current.contactId() + " was itself merged into contact " + targetInto
                        + " later; split that merge first (GET /api/contacts/" + targetInto + "/merges)");
            }
            merges.split(current, by, why, clock.instant());
            return merges.find(mergeId).orElseThrow();
        });
        events.publish(event(EventType.CONTACT_SPLIT, split, split.contactId(), split.mergedContactId()));
        return split;
    }

    public List<MergeView> of(long contactId) {
        requireContact(contactId);
        return merges.ofContact(contactId);
    }

    private HubEvent event(EventType type, MergeView merge, long target, long source) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("merge", merge);
        data.put("contact", contacts.view(target).orElseThrow());
        data.put("mergedContact", contacts.view(source).orElseThrow());
        return HubEvent.of(type, data);
    }

    private void lockInOrder(long a, long b) {
        requireContact(a);
        requireContact(b);
        contacts.lock(Math.min(a, b));
        contacts.lock(Math.max(a, b));
    }

    private void standing(long contactId) {
        long into = merges.mergedInto(contactId);
        if (into != 0) {
            throw conflict("Contact " + contactId + " was merged into contact " + into + "; use that one");
        }
    }

    private void requireContact(long contactId) {
        if (merges.mergedInto(contactId) == null) {
            throw ApiException.notFound("No contact " + contactId);
        }
    }

    private static String reason(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw ApiException.invalid("reason is longer than " + MAX_REASON + " characters; shorten it");
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", message);
    }
}
