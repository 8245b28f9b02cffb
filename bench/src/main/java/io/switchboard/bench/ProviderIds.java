package io.switchboard.bench;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Message ids shaped as the providers make them: random, not counting up. The hub keeps a unique index on
 * them (a provider's retry is stored once); ids in sequence would land side by side in it and make the
 * bench's inserts cheaper than a real provider's.
 */
final class ProviderIds {

    private ProviderIds() {
    }

    /** Twilio: {@code SM} and 32 hex digits. */
    static String twilioSid() {
        return "SM" + HexFormat.of().formatHex(random());
    }

    /** Messenger and Instagram: {@code m_} and URL-safe Base64. */
    static String metaMid() {
        return "m_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random());
    }

    /** WhatsApp Cloud API: {@code wamid.} and Base64. */
    static String wamid() {
        return "wamid." + Base64.getEncoder().withoutPadding().encodeToString(random());
    }

    /** An email's {@code Message-ID}. */
    static String messageId(String domain) {
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    private static byte[] random() {
        UUID uuid = UUID.randomUUID();
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                .array();
    }
}
