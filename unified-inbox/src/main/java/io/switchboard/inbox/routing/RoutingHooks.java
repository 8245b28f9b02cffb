package io.switchboard.inbox.routing;

import java.util.List;

/**
 * Where the conversation and contact features tell routing what happened. Implemented by routing;
 * {@link #NONE} where routing is not wired (persistence tests of other features).
 */
public interface RoutingHooks {

    /**
     * A customer message created (or reopened) the conversation. Called after that transaction
     * committed; routes it on another thread, so the inbound path does not wait.
     */
    void arrived(long conversationId, boolean reopened);

    /**
     * A person changed the conversation's status; called inside that transaction (it records the
     * activity and takes a conversation that left {@code OPEN} out of its queue).
     *
     * @param before, after upper-case status names
     */
    void statusChanged(long conversationId, String before, String after, String actor);

    /** After a status change committed: an agent may have capacity again, a queue may have moved. */
    void afterStatusChange(long conversationId);

    /** Contacts were merged; called inside that transaction with the conversations that moved. */
    void merged(List<Long> conversationIds, long intoContactId, long fromContactId, String actor);

    RoutingHooks NONE = new RoutingHooks() {
        @Override
        public void arrived(long conversationId, boolean reopened) {
        }

        @Override
        public void statusChanged(long conversationId, String before, String after, String actor) {
        }

        @Override
        public void afterStatusChange(long conversationId) {
        }

        @Override
        public void merged(List<Long> conversationIds, long intoContactId, long fromContactId, String actor) {
        }
    };
}
