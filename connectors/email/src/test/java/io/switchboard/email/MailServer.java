package io.switchboard.email;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** GreenMail (SMTP + IMAP on 127.0.0.1) and the few client-side moves the tests need. */
final class MailServer {

    static final String HOST = "127.0.0.1";

    private MailServer() {
    }

    static GreenMail start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        return greenMail;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a raw RFC 5322 message into the user's INBOX exactly as written (no headers added). */
    static void deliver(GreenMailUser user, String raw) {
        try {
            Session session = Session.getInstance(new Properties());
            user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message in a folder as an IMAP client sees it (read-only, so nothing is flagged). */
    record Seen(String subject, boolean seen) {
    }

    static List<Seen> folder(int imapPort, String user, String password, String folderName) {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect(HOST, imapPort, user, password);
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<Seen> result = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                if (!message.isSet(Flags.Flag.DELETED)) {
                    result.add(new Seen(message.getSubject(), message.isSet(Flags.Flag.SEEN)));
                }
            }
            folder.close(false);
            return result;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Boolean seen(int imapPort, String user, String password, String subject) {
        return folder(imapPort, user, password, "INBOX").stream().filter(s -> subject.equals(s.subject()))
                .map(Seen::seen).findFirst().orElse(null);
    }
}
