package io.switchboard.inbox.conversation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.security.HubUser;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the console asks before and after an agent works a conversation: read markers, reply options. */
@RestController
@RequestMapping("/api/conversations/{id}")
@Tag(name = "Conversations")
class ReadController {

    private final ConversationRepository conversations;
    private final ReadMarkers reads;
    private final ReplyService replies;
    private final Clock clock;

    ReadController(ConversationRepository conversations, ReadMarkers reads, ReplyService replies, Clock clock) {
        this.conversations = conversations;
        this.reads = reads;
        this.replies = replies;
        this.clock = clock;
    }

    @PostMapping("/read")
    @Operation(summary = "Mark every message of the conversation as read by the calling agent (unread → 0)")
    ResponseEntity<Void> read(@PathVariable long id, @AuthenticationPrincipal HubUser user) {
        conversations.find(id).orElseThrow(() -> ApiException.notFound("No conversation " + id));
        reads.markRead(id, user.getUsername(), clock.instant());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/reply-options")
    @Operation(summary = "What the channel accepts now: free text (or the refusal), files, approved templates",
            description = "Without parameters: the conversation's default reply address; otherwise channel, account"
                    + " and address of one of the contact's identities.")
    ReplyService.ReplyOptions options(@PathVariable long id, @RequestParam(required = false) String channel,
                                      @RequestParam(required = false) String account,
                                      @RequestParam(required = false) String address) {
        if (channel != null && !channel.isBlank() && (address == null || address.isBlank())) {
            throw ApiException.invalid("address is required with channel: pick one of the contact's identities");
        }
        ConversationController.AddressRequest to = channel == null || channel.isBlank() ? null
                : new ConversationController.AddressRequest(channel, account, address);
        return replies.options(id, to == null ? null : to.toAddress());
    }
}
