package io.switchboard.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;

/**
 * One channel as its provider drives the hub: customer messages in (a signed webhook, or a mail in the
 * support mailbox) and the provider's API the hub's connector sends agents' replies to (a fake on 127.0.0.1).
 */
interface ChannelDriver extends AutoCloseable {

    /** The hub's name of the channel, as the agent API shows it ({@code MESSENGER}, {@code EMAIL} …). */
    String channel();

    /** The connector's settings, pointed at this driver's fakes; started before the hub, so the ports are known. */
    Map<String, String> hubProperties();

    /** Called once the hub is up, before the first message: where to send and with what. */
    default void attach(HubProcess hub, java.net.http.HttpClient http) {
    }

    /** A message from customer {@code n}, ready to send: its provider id is what the agent sees as {@code providerId}. */
    Outgoing message(int customer);

    /**
     * At most this many of its messages outstanding (accepted, not yet seen by the agent) in a sustained
     * phase, or 0 for no bound. A channel whose provider accepts without the hub (a mail server takes any
     * number of mails) needs one, or the phase measures how fast the mail server stores mail.
     */
    default int window() {
        return 0;
    }

    /** Hands every reply the provider receives to {@code listener}: its text (or the whole body) and the time it arrived. */
    void onReply(ObjLongConsumer<String> listener);

    /**
     * A customer message not sent yet: the provider id the agent will see, and how to send it (the
     * future says whether the provider's side was acknowledged: webhook 200, mail delivered).
     */
    record Outgoing(String providerId, Supplier<CompletableFuture<Boolean>> sender) {

        CompletableFuture<Boolean> send() {
            return sender.get();
        }

        /** A webhook the hub must answer 200; any other answer fails the future with the status. */
        static Outgoing webhook(String providerId, java.net.http.HttpClient http, java.net.http.HttpRequest request) {
            return new Outgoing(providerId, () -> http.sendAsync(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + r.statusCode() + " " + r.body());
                        }
                        return true;
                    }));
        }
    }

    @Override
    default void close() {
    }
}
