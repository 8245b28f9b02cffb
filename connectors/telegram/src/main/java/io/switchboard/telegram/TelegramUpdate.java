package io.switchboard.telegram;

import java.time.Instant;
import java.util.List;

/**
 * What the hub takes from a Telegram Update: a new or edited message in a chat. Other update kinds
 * (callback queries, channel posts, member changes...) have no {@code message}.
 *
 * @param updateId the update's id (sequential per bot; polling confirms up to it)
 * @param message  the message, or null when the update carries none the hub handles
 */
record TelegramUpdate(long updateId, Message message) {

    /**
     * @param edited      an {@code edited_message}: a new version of an earlier message
     * @param chatId      the chat's id (for private chats, the user's id)
     * @param chatType    private, group, supergroup or channel
     * @param messageId   unique inside the chat
     * @param at          when it was sent, or edited
     * @param displayName "First Last (@username)"
     * @param text        text or caption, may be null
     * @param media       files to fetch (photo: only the largest size)
     * @param other       a line describing content the hub cannot show (sticker, location...), or null
     * @param language    the user's IETF language tag, or null
     */
    record Message(boolean edited, String chatId, String chatType, long messageId, Instant at, String displayName,
                   String text, List<Media> media, String other, String language) {

        boolean isPrivate() {
            return "private".equals(chatType);
        }
    }

    /** A file in a message. {@code size} is null when Telegram did not say. */
    record Media(String fileId, String fileName, String contentType, Long size) {
    }
}
