package io.switchboard.inbox.conversation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.core.spi.RealtimeBus;
import io.switchboard.inbox.api.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agent typing in a conversation: on web chat the visitor's widget gets {@code {"type":"typing","on":…}}
 * (over the realtime bus, audience {@code webchat}); on other channels nothing happens. Nothing is stored.
 */
@RestController
@Tag(name = "Conversations")
class AgentTypingController {

    static final String WEBCHAT_AUDIENCE = "webchat";

    private final ConversationViews views;
    private final RealtimeBus realtime;

    AgentTypingController(ConversationViews views, RealtimeBus realtime) {
        this.views = views;
        this.realtime = realtime;
    }

    @PostMapping("/api/conversations/{id}/typing")
    @Operation(summary = "Tell a web-chat visitor the agent is typing (on=true) or stopped (on=false)")
    ResponseEntity<Void> typing(@PathVariable long id, @RequestBody(required = false) TypingRequest body) {
        if (body == null || body.on() == null) {
            throw ApiException.invalid("on is required: true or false");
        }
        ConversationView conversation = views.find(id)
                .orElseThrow(() -> ApiException.notFound("No conversation " + id));
        if ("WEBCHAT".equals(conversation.lastChannel())) {
            String frame = "{\"type\":\"typing\",\"on\":" + body.on() + "}";
            conversation.contact().identities().stream()
                    .filter(identity -> "WEBCHAT".equals(identity.channel()))
                    .forEach(identity -> realtime.publish(WEBCHAT_AUDIENCE, identity.address(), frame));
        }
        return ResponseEntity.noContent().build();
    }

    record TypingRequest(Boolean on) {
    }
}
