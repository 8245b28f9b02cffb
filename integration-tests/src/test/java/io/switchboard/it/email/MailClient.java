package io.switchboard.it.email;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a person's mail client does against GreenMail: put a mail into a mailbox exactly as written
 * (what the receiving mail server does), and read a mailbox over IMAP without flagging anything.
 */
final class MailClient {

    static final String HOST = "127.0.0.1";

    private MailClient() {
    }

    /** Delivers a raw RFC 5322 mail into the user's INBOX, headers untouched. */
    static void deliver(GreenMailUser user, String raw) {
        try {
            Session session = Session.getInstance(new Properties());
            user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mail in a mailbox as an IMAP client sees it, copied so it can be read after logging out. */
    record Received(MimeMessage mail, boolean seen) {

        String header(String name) {
            try {
                return mail.getHeader(name, ", ");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        String subject() {
            try {
                return mail.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The text/plain alternative. */
        String text() {
            try {
                return plainText(mail);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The INBOX of {@code user}, opened read-only so nothing is flagged \Seen by looking. */
    static List<Received> inbox(int imapPort, String user, String password) {
        Properties props = new Properties();
        // BODY.PEEK: reading a mail must not flag it \Seen (GreenMail flags on FETCH BODY[] even read-only)
        props.put("mail.imap.peek", "true");
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            store.connect(HOST, imapPort, user, password);
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            List<Received> result = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                if (message.isSet(Flags.Flag.DELETED)) {
                    continue;
                }
                boolean seen = message.isSet(Flags.Flag.SEEN);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                message.writeTo(bytes);
                result.add(new Received(new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray())), seen));
            }
            folder.close(false);
            return result;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mails in the INBOX with this subject (empty when none). */
    static List<Received> withSubject(int imapPort, String user, String password, String subject) {
        return inbox(imapPort, user, password).stream().filter(r -> subject.equals(r.subject())).toList();
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
