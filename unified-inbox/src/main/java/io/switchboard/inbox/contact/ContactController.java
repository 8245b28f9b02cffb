package io.switchboard.inbox.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.security.HubUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Agent API: contacts — search by any identity, view, edit, merge, split, suggested merges. */
@RestController
@Tag(name = "Contacts")
class ContactController {

    static final int MAX_LIST = 200;
    static final int MAX_NAME = 200;

    private final ContactDirectory directory;
    private final ContactMerges merges;
    private final MergeSuggestions suggestions;
    private final EventPublisher events;
    private final ContactRepository contacts;
    private final Clock clock;

    ContactController(ContactDirectory directory, ContactMerges merges, MergeSuggestions suggestions,
                      EventPublisher events, ContactRepository contacts, Clock clock) {
        this.directory = directory;
        this.merges = merges;
        this.suggestions = suggestions;
        this.events = events;
        this.contacts = contacts;
        this.clock = clock;
    }

    @GetMapping("/api/contacts")
    @Operation(summary = "Search contacts", description = "q matches the name or any identity (e-mail, phone,"
            + " page-scoped id, Telegram id, visitor id, external id), ignoring case. Merged contacts are left out.")
    List<ContactView> search(@RequestParam String q, @RequestParam(defaultValue = "50") int limit) {
        if (q.isBlank()) {
            throw ApiException.invalid("q must not be blank: give part of a name, e-mail, phone or id");
        }
        if (limit < 1 || limit > MAX_LIST) {
            throw ApiException.invalid("limit must be between 1 and " + MAX_LIST);
        }
        return directory.search(q, limit);
    }

    @GetMapping("/api/contacts/{id}")
    @Operation(summary = "One contact with its identities; mergedInto is set while it is merged into another")
    ContactDetails get(@PathVariable long id) {
        return directory.details(id).orElseThrow(() -> unknown(id));
    }

    @PatchMapping("/api/contacts/{id}")
    @Operation(summary = "Edit a contact (displayName)")
    ContactDetails edit(@PathVariable long id, @RequestBody(required = false) EditRequest body) {
        if (body == null || body.displayName() == null || body.displayName().isBlank()) {
            throw ApiException.invalid("displayName is required");
        }
        if (body.displayName().length() > MAX_NAME) {
            throw ApiException.invalid("displayName is longer than " + MAX_NAME + " characters");
        }
        if (!directory.rename(id, body.displayName().strip(), clock.instant())) {
            throw unknown(id);
        }
        events.publish(HubEvent.of(EventType.CONTACT_UPDATED, Map.of("contact", contacts.view(id).orElseThrow())));
        return get(id);
    }

    @PostMapping("/api/contacts/{id}/merge")
    @Operation(summary = "Merge another contact into this one",
            description = "Moves contactId's identities and conversations here; undo with the split endpoint."
                    + " 409 when either was already merged.")
    MergeView merge(@PathVariable long id, @RequestBody(required = false) MergeRequest body,
                    @AuthenticationPrincipal HubUser user) {
        if (body == null || body.contactId() == null) {
            throw ApiException.invalid("contactId is required: the contact to merge into this one");
        }
        return merges.merge(id, body.contactId(), user.getUsername(), body.reason());
    }

    @GetMapping("/api/contacts/{id}/merges")
    @Operation(summary = "Merges into or of this contact, newest first (split ones included)")
    List<MergeView> merges(@PathVariable long id) {
        return merges.of(id);
    }

    @PostMapping("/api/contacts/merges/{mergeId}/split")
    @Operation(summary = "Undo a merge", description = "Moves the identities and conversations the merge moved back"
            + " to the merged contact. 409 when already split or when the surviving contact was merged again since.")
    MergeView split(@PathVariable long mergeId, @RequestBody(required = false) SplitRequest body,
                    @AuthenticationPrincipal HubUser user) {
        return merges.split(mergeId, user.getUsername(), body == null ? null : body.reason());
    }

    @GetMapping("/api/contacts/{id}/suggestions")
    @Operation(summary = "Suggested merges for this contact (from unverified hints such as a typed e-mail)")
    List<SuggestionView> suggestions(@PathVariable long id) {
        get(id);
        return suggestions.openFor(id);
    }

    @GetMapping("/api/conversations/{id}/suggestions")
    @Operation(summary = "Suggested merges for the conversation's contact")
    List<SuggestionView> conversationSuggestions(@PathVariable long id) {
        long contact = suggestions.contactOfConversation(id)
                .orElseThrow(() -> ApiException.notFound("No conversation " + id));
        return suggestions.openFor(contact);
    }

    @PostMapping("/api/contacts/{id}/suggestions/{suggestionId}/dismiss")
    @Operation(summary = "Dismiss a suggested merge; it is not offered again")
    List<SuggestionView> dismiss(@PathVariable long id, @PathVariable long suggestionId) {
        if (!suggestions.close(suggestionId, id, MergeSuggestions.DISMISSED)) {
            throw ApiException.notFound("No open suggestion " + suggestionId + " for contact " + id);
        }
        return suggestions.openFor(id);
    }

    record EditRequest(String displayName) {
    }

    record MergeRequest(Long contactId, String reason) {
    }

    record SplitRequest(String reason) {
    }

    private static ApiException unknown(long id) {
        return ApiException.notFound("No contact " + id);
    }
}
