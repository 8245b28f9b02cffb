package io.switchboard.inbox.routing;

/**
 * What happens to a conversation that arrives while its team is closed or nobody of the team is
 * online: routing leaves it pending (a ticket, not in the queue) and calls this, which answers the
 * customer once per conversation on the conversation's channel with the configured auto-reply.
 */
public interface OfflineReplies {

    /** Called after the conversation was stored (outside its transaction); must be idempotent. */
    void arrivedOffline(long conversationId, String teamId);
}
