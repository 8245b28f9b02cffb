package io.switchboard.email;

import io.switchboard.core.spi.PermanentSendException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/** Tells a refusal that retrying cannot fix (SMTP 5xx, a bad address) from a passing failure (4xx, network). */
final class SmtpFailures {

    private SmtpFailures() {
    }

    /** A {@link PermanentSendException} to throw, or an {@link IllegalStateException} that the hub retries. */
    static RuntimeException classify(EmailProperties.Mailbox mailbox, MessagingException failure) {
        if (failure instanceof AddressException bad) {
            return new PermanentSendException("The address is not valid: " + bad.getMessage(), failure);
        }
        if (failure instanceof AuthenticationFailedException) {
            return new IllegalStateException("SMTP login to " + mailbox.smtp().host() + " as the user of "
                    + mailbox.key() + " failed; check hub.channels.email.mailboxes[].smtp.user/password", failure);
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            int code = code(t);
            if (code >= 500 && code < 600) {
                return new PermanentSendException("The mail server refused the message: " + reply(t), failure);
            }
            if (code >= 400 && code < 500) {
                return new IllegalStateException("The mail server deferred the message (will retry): " + reply(t),
                        failure);
            }
        }
        return new IllegalStateException("Sending by SMTP via " + mailbox.smtp().host() + " failed: "
                + failure.getMessage(), failure);
    }

    private static int code(Throwable t) {
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        return -1;
    }

    private static String reply(Throwable t) {
        return t.getMessage() == null ? "(no reply text)" : t.getMessage().strip();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
