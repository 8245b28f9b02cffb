package io.switchboard.email;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.NamedContributor;

/** The {@code email} health contributor: one indicator per mailbox, named by its address. */
final class EmailHealth implements CompositeHealthContributor {

    private final Map<String, MailboxHealth> byMailbox = new LinkedHashMap<>();

    EmailHealth(Mailboxes mailboxes, Clock clock) {
        mailboxes.all().forEach((key, mailbox) -> byMailbox.put(key, new MailboxHealth(key,
                MailSessions.imapProtocol(mailbox.imap()) + "://" + mailbox.imap().host() + ":"
                        + mailbox.imap().effectivePort(), clock)));
    }

    MailboxHealth of(String mailbox) {
        return byMailbox.get(mailbox);
    }

    Map<String, MailboxHealth> all() {
        return byMailbox;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return byMailbox.get(name);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return byMailbox.entrySet().stream()
                .map(entry -> NamedContributor.<HealthContributor>of(entry.getKey(), entry.getValue()))
                .iterator();
    }
}
