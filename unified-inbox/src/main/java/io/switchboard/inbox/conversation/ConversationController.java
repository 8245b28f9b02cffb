package io.switchboard.inbox.conversation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.security.HubUser;
import java.net.URI;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.TemplateRef;
import io.switchboard.core.spi.TemplateCatalog;
import java.util.List;
import java.util.Map;
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
    @Operation(summary = "Reply to the customer",
            description = "Goes to the channel of the customer's last message unless 'to' names another of the"
                    + " contact's addresses. 'template' sends an approved template (WhatsApp, Messenger) instead of"
                    + " or with text. 422 policy_refused when the channel's policy refuses it (nothing is stored).")
    ResponseEntity<MessageView> reply(@PathVariable long id, @RequestBody(required = false) ReplyRequest body,
                                      @AuthenticationPrincipal HubUser user) {
        if (body == null) {
            throw ApiException.invalid("text is required");
        }
        MessageView created = replies.reply(id, body.toReply(), user.displayName());
        return ResponseEntity.created(URI.create("/api/conversations/" + id + "/messages/" + created.id()))
                .body(created);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Change the conversation's status (open, pending, snoozed, resolved)",
            description = "snoozed needs 'until' (an ISO-8601 instant in the future): the conversation reopens then,"
                    + " or earlier when the customer writes.")
    ConversationView status(@PathVariable long id, @RequestBody(required = false) StatusRequest body) {
        if (body == null || body.status() == null) {
            throw ApiException.invalid("status is required: one of " + ConversationStatus.ALLOWED);
        }
        return conversations.changeStatus(id, body.status(), body.until());
    }

    @GetMapping("/{id}/templates")
    @Operation(summary = "Approved templates the agent may send on the conversation's reply channel")
    List<TemplateCatalog.Template> templates(@PathVariable long id) {
        return replies.templates(id);
    }

    record ReplyRequest(String text, TemplateRequest template, AddressRequest to) {

        ReplyService.Reply toReply() {
            return new ReplyService.Reply(text, template == null ? null : new TemplateRef(template.id(),
                    template.variables()), to == null ? null : to.toAddress());
        }
    }

    record TemplateRequest(String id, Map<String, String> variables) {
    }

    record AddressRequest(String channel, String account, String address) {

        ChannelAddress toAddress() {
            ChannelType type;
            try {
                type = ChannelType.valueOf(channel == null ? "" : channel.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("to.channel must be one of " + java.util.Arrays.toString(ChannelType.values()));
            }
            if (address == null || address.isBlank()) {
                throw ApiException.invalid("to.address is required");
            }
            return new ChannelAddress(type, account, address);
        }
    }

    record StatusRequest(String status, java.time.Instant until) {
    }
}
