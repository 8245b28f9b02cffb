package io.switchboard.email;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The configured mailboxes by address (lower case), checked once at start-up. */
final class Mailboxes {

    private final Map<String, EmailProperties.Mailbox> byAddress = new LinkedHashMap<>();

    Mailboxes(EmailProperties properties) {
        for (int i = 0; i < properties.mailboxes().size(); i++) {
            EmailProperties.Mailbox mailbox = properties.mailboxes().get(i);
            String key = mailbox.key();
            if (!key.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new IllegalStateException("hub.channels.email.mailboxes[" + i + "].address '" + mailbox.address()
                        + "' is not an email address");
            }
            if (byAddress.putIfAbsent(key, mailbox) != null) {
                throw new IllegalStateException("hub.channels.email.mailboxes[" + i + "].address " + key
                        + " is configured twice; each mailbox once");
            }
        }
        String transcripts = properties.transcriptMailbox();
        if (transcripts != null && !transcripts.isBlank() && find(transcripts).isEmpty()) {
            throw new IllegalStateException("hub.channels.email.transcript-mailbox " + transcripts
                    + " is not one of hub.channels.email.mailboxes[].address");
        }
    }

    Optional<EmailProperties.Mailbox> find(String address) {
        return address == null ? Optional.empty()
                : Optional.ofNullable(byAddress.get(address.trim().toLowerCase(Locale.ROOT)));
    }

    Map<String, EmailProperties.Mailbox> all() {
        return byAddress;
    }
}
