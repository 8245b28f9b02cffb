package io.switchboard.inbox.conversation;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import java.time.Instant;

/** A conversation row, plus the text of its last message for the list preview (null where a query skips it). */
record ConversationRecord(long id, long contactId, ConversationStatus status, String lastChannel,
                          String lastAccount, String lastAddress, String contextJson, Instant createdAt,
                          Instant updatedAt, Instant lastMessageAt, Instant lastInboundAt, String lastText,
                          String token, String subject) {

    /** Where a reply goes by default: the customer's address on the channel of their last message. */
    ChannelAddress replyTarget() {
        if (lastChannel == null || lastAddress == null) {
            return null;
        }
        return new ChannelAddress(ChannelType.valueOf(lastChannel), lastAccount, lastAddress);
    }
}
