package io.switchboard.inbox.conversation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.security.HubUser;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Agent API: conversations, their messages, replies and status. */
@RestController
@RequestMapping("/api/conversations")
@Tag(name = "Conversations")
class ConversationController {

    private final ConversationService conversations;
    private final ReplyService replies;

    ConversationController(ConversationService conversations, ReplyService replies) {
        this.conversations = conversations;
        this.replies = replies;
    }

    @GetMapping
    @Operation(summary = "Conversations, newest activity first",
            description = "status: open, pending, snoozed, resolved or all; default: every non-resolved one")
    List<ConversationView> list(@RequestParam(required = false) String status,
                                @RequestParam(defaultValue = "100") int limit) {
        return conversations.list(status, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One conversation")
    ConversationView get(@PathVariable long id) {
        return conversations.get(id);
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "The conversation's messages in sequence order")
    List<MessageView> messages(@PathVariable long id) {
        return conversations.messages(id);
    }

    @GetMapping("/{id}/messages/{messageId}")
    @Operation(summary = "One message of the conversation, by hub id")
    MessageView message(@PathVariable long id, @PathVariable UUID messageId) {
        return conversations.message(id, messageId);
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Reply to the customer on the channel of their last message",
            description = "422 policy_refused when the channel's policy refuses the reply (nothing is stored)")
    ResponseEntity<MessageView> reply(@PathVariable long id, @RequestBody(required = false) ReplyRequest body,
                                      @AuthenticationPrincipal HubUser user) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            throw ApiException.invalid("text is required");
        }
        MessageView created = replies.reply(id, body.text(), user.displayName());
        return ResponseEntity.created(URI.create("/api/conversations/" + id + "/messages/" + created.id()))
                .body(created);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Change the conversation's status (open, pending, snoozed, resolved)")
    ConversationView status(@PathVariable long id, @RequestBody(required = false) StatusRequest body) {
        if (body == null || body.status() == null) {
            throw ApiException.invalid("status is required: one of " + ConversationStatus.ALLOWED);
        }
        return conversations.changeStatus(id, body.status());
    }

    record ReplyRequest(String text) {
    }

    record StatusRequest(String status) {
    }
}
