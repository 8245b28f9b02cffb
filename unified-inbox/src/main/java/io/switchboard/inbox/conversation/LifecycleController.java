package io.switchboard.inbox.conversation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.security.HubUser;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Agent API: labels, priority and private notes of a conversation, and a contact's conversations. */
@RestController
@Tag(name = "Conversations")
class LifecycleController {

    private final LifecycleService lifecycle;

    LifecycleController(LifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/api/conversations/{id}/labels")
    @Operation(summary = "Add a label (lowercased; adding one twice is harmless)")
    ConversationView addLabel(@PathVariable long id, @RequestBody(required = false) LabelRequest body) {
        return lifecycle.addLabel(id, body == null ? null : body.label());
    }

    @DeleteMapping("/api/conversations/{id}/labels/{label}")
    @Operation(summary = "Remove a label")
    ConversationView removeLabel(@PathVariable long id, @PathVariable String label) {
        return lifecycle.removeLabel(id, label);
    }

    @PostMapping("/api/conversations/{id}/priority")
    @Operation(summary = "Set the priority: none, low, medium, high or urgent")
    ConversationView priority(@PathVariable long id, @RequestBody(required = false) PriorityRequest body) {
        if (body == null || body.priority() == null) {
            throw ApiException.invalid("priority is required: one of " + Priority.ALLOWED);
        }
        return lifecycle.priority(id, body.priority());
    }

    @GetMapping("/api/conversations/{id}/notes")
    @Operation(summary = "The conversation's private notes, oldest first")
    List<NoteView> notes(@PathVariable long id) {
        return lifecycle.notes(id);
    }

    @PostMapping("/api/conversations/{id}/notes")
    @Operation(summary = "Add a private note", description = "Visible to agents only: never sent to the customer"
            + " and never in the widget's history or an e-mailed transcript.")
    ResponseEntity<NoteView> addNote(@PathVariable long id, @RequestBody(required = false) NoteRequest body,
                                     @AuthenticationPrincipal HubUser user) {
        NoteView note = lifecycle.addNote(id, user.displayName(), body == null ? null : body.text());
        return ResponseEntity.created(URI.create("/api/conversations/" + id + "/notes")).body(note);
    }

    @GetMapping("/api/contacts/{id}/conversations")
    @Operation(summary = "The contact's conversations, newest first: its timeline across channels")
    List<ConversationView> ofContact(@PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > ConversationService.MAX_LIST) {
            throw ApiException.invalid("limit must be between 1 and " + ConversationService.MAX_LIST);
        }
        return lifecycle.ofContact(id, limit);
    }

    record LabelRequest(String label) {
    }

    record PriorityRequest(String priority) {
    }

    record NoteRequest(String text) {
    }
}
