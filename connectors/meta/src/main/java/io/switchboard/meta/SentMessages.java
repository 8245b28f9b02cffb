package io.switchboard.meta;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.core.model.ChannelType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

/**
 * The mids we recently sent to each Messenger/Instagram customer, with their send times. Messenger reports
 * reads (and, from old clients, deliveries) only as a watermark - "everything before this time" - without
 * mids; this memory turns a watermark back into the mids it covers. It is bounded (recipients, mids per
 * recipient) and expires after the 7 days a reply can be sent at all, and it is per node: a watermark for a
 * message another node sent, or sent before a restart, is not reported (see docs/meta.md).
 */
final class SentMessages {

    static final int PER_RECIPIENT = 50;

    private final Cache<String, LinkedList<Sent>> byRecipient;

    SentMessages(int maxRecipients) {
        this.byRecipient = Caffeine.newBuilder().maximumSize(maxRecipients).expireAfterWrite(Duration.ofDays(8)).build();
    }

    private record Sent(String mid, long atMillis) {
    }

    /** Remembers a send; {@code atMillis} is taken before the request, so it is never later than Meta's timestamp. */
    void sent(ChannelType channel, String account, String recipient, String mid, long atMillis) {
        LinkedList<Sent> sent = byRecipient.get(key(channel, account, recipient), k -> new LinkedList<>());
        synchronized (sent) {
            sent.addLast(new Sent(mid, atMillis));
            while (sent.size() > PER_RECIPIENT) {
                sent.removeFirst();
            }
        }
    }

    /** An echo tells Meta's own timestamp of a mid we sent: use it, so watermarks compare one clock. */
    void confirm(ChannelType channel, String account, String recipient, String mid, long metaMillis) {
        LinkedList<Sent> sent = byRecipient.getIfPresent(key(channel, account, recipient));
        if (sent == null) {
            return;
        }
        synchronized (sent) {
            sent.replaceAll(s -> s.mid().equals(mid) ? new Sent(mid, metaMillis) : s);
        }
    }

    /**
     * The mids sent to this recipient at or before {@code watermarkMillis}; with {@code forget} they are
     * dropped (READ is as far as a message gets, so they need not be reported again).
     */
    List<String> upTo(ChannelType channel, String account, String recipient, long watermarkMillis, boolean forget) {
        LinkedList<Sent> sent = byRecipient.getIfPresent(key(channel, account, recipient));
        if (sent == null) {
            return List.of();
        }
        List<String> covered = new ArrayList<>();
        synchronized (sent) {
            sent.stream().filter(s -> s.atMillis() <= watermarkMillis).forEach(s -> covered.add(s.mid()));
            if (forget) {
                sent.removeIf(s -> s.atMillis() <= watermarkMillis);
            }
        }
        return covered;
    }

    /** When a mid we know was sent to this recipient, or -1. */
    long sentAt(ChannelType channel, String account, String recipient, String mid) {
        LinkedList<Sent> sent = byRecipient.getIfPresent(key(channel, account, recipient));
        if (sent == null) {
            return -1;
        }
        synchronized (sent) {
            return sent.stream().filter(s -> s.mid().equals(mid)).mapToLong(Sent::atMillis).findFirst().orElse(-1);
        }
    }

    private static String key(ChannelType channel, String account, String recipient) {
        return channel + ":" + account + ":" + recipient;
    }
}
