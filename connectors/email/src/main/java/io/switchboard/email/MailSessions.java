package io.switchboard.email;

import io.switchboard.email.EmailProperties.Tls;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;

/** Jakarta Mail settings for one mailbox's IMAP and SMTP connections. */
final class MailSessions {

    private MailSessions() {
    }

    /** "imaps" for implicit TLS, "imap" otherwise (STARTTLS is switched on by property). */
    static String imapProtocol(EmailProperties.Imap imap) {
        return imap.tls() == Tls.SSL ? "imaps" : "imap";
    }

    static String smtpProtocol(EmailProperties.Smtp smtp) {
        return smtp.tls() == Tls.SSL ? "smtps" : "smtp";
    }

    /** Extra IMAP properties on top of what Camel sets (host, port, timeouts). */
    static Properties imapProperties(EmailProperties.Imap imap) {
        Properties props = new Properties();
        String protocol = imapProtocol(imap);
        tls(props, protocol, imap.tls());
        // a mail with a broken address header must still be read, not fail the whole poll
        props.put("mail.mime.address.strict", "false");
        return props;
    }

    static Session smtpSession(EmailProperties.Smtp smtp, Duration timeout) {
        Properties props = new Properties();
        String protocol = smtpProtocol(smtp);
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", smtp.host());
        props.put("mail." + protocol + ".port", Integer.toString(smtp.effectivePort()));
        props.put("mail." + protocol + ".auth", "true");
        String millis = Long.toString(timeout.toMillis());
        props.put("mail." + protocol + ".connectiontimeout", millis);
        props.put("mail." + protocol + ".timeout", millis);
        props.put("mail." + protocol + ".writetimeout", millis);
        tls(props, protocol, smtp.tls());
        return Session.getInstance(props);
    }

    private static void tls(Properties props, String protocol, Tls tls) {
        switch (tls) {
            case SSL -> {
                props.put("mail." + protocol + ".ssl.enable", "true");
                props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
            case STARTTLS -> {
                props.put("mail." + protocol + ".starttls.enable", "true");
                // never fall back to plain text when the server does not offer STARTTLS
                props.put("mail." + protocol + ".starttls.required", "true");
                props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
            case NONE -> {
                // plain connections: for local test servers only
            }
        }
    }
}
