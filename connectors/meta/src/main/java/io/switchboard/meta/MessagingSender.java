package io.switchboard.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.OutboundSender.SendResult;
import io.switchboard.core.spi.PermanentSendException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messenger and Instagram replies through the Send API: {@code POST /{version}/{page-id}/messages} (Instagram:
 * {@code /me/messages}, the token's own account) with {@code access_token}. A reply goes out as
 * {@code RESPONSE}; when Meta answers 10/2018278 (outside 24 hours) and the page allows the human agent tag, it
 * is sent once more as {@code MESSAGE_TAG HUMAN_AGENT} (valid up to 7 days; the policy refused older ones).
 */
final class MessagingSender {

    private static final Logger log = LoggerFactory.getLogger(MessagingSender.class);

    private final GraphClient graph;
    private final MetaAccounts accounts;
    private final SentMessages sent;
    private final Clock clock;

    MessagingSender(GraphClient graph, MetaAccounts accounts, SentMessages sent, Clock clock) {
        this.graph = graph;
        this.accounts = accounts;
        this.sent = sent;
        this.clock = clock;
    }

    SendResult send(OutboundMessage message) {
        ChannelType channel = message.channel();
        String account = message.target().account();
        String token = accounts.messagingToken(channel, account).orElseThrow(() -> new PermanentSendException(
                channel + " account " + account + " is not configured under hub.channels.meta"));
        if (message.text() == null || message.text().isBlank()) {
            throw new PermanentSendException(channel + " replies need text; templates and attachments are not "
                    + "supported on this channel by Switchboard yet");
        }
        String path = channel == ChannelType.MESSENGER ? account + "/messages" : "me/messages";
        GraphClient.Auth auth = GraphClient.Auth.param(token);
        long startedAt = clock.millis();
        JsonNode response;
        try {
            response = graph.post(path, auth, body(message, false));
        } catch (GraphException e) {
            if (!e.is(10, 2018278) || !accounts.humanAgentTag(channel, account)) {
                throw GraphErrors.toSendFailure(e, channel, tokenProperty(channel));
            }
            log.info("{} reply {} is outside 24 hours: sending it with the HUMAN_AGENT tag", channel, message.hubId());
            try {
                response = graph.post(path, auth, body(message, true));
            } catch (GraphException again) {
                throw GraphErrors.toSendFailure(again, channel, tokenProperty(channel));
            }
        }
        String mid = response.path("message_id").asText("");
        if (mid.isBlank()) {
            log.warn("{} accepted reply {} without a message_id: no delivery receipts for it", channel, message.hubId());
            return new SendResult(null);
        }
        sent.sent(channel, account, message.target().address(), mid, startedAt);
        return new SendResult(mid);
    }

    private static ObjectNode body(OutboundMessage message, boolean humanAgent) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("recipient").put("id", message.target().address());
        if (humanAgent) {
            body.put("messaging_type", "MESSAGE_TAG").put("tag", "HUMAN_AGENT");
        } else {
            body.put("messaging_type", "RESPONSE");
        }
        body.putObject("message").put("text", message.text());
        return body;
    }

    private static String tokenProperty(ChannelType channel) {
        return channel == ChannelType.MESSENGER ? "hub.channels.meta.pages[].access-token"
                : "hub.channels.meta.instagram[].access-token";
    }
}
