package io.switchboard.bench;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.Socket;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

/**
 * Email through a real mail server: GreenMail (SMTP and IMAP on 127.0.0.1) holds the support mailbox the
 * hub polls over IMAP and receives the agents' replies the hub sends over SMTP. A customer's mail is
 * delivered straight into the support mailbox's INBOX, as the company's mail server delivers it; the
 * hub sees it at its next poll ({@value #POLL_INTERVAL}, the bench's setting; an admin's default is 60 s)
 * and flags it {@code \Seen}. Each customer's own mailbox reports the replies that arrive there.
 */
final class EmailChannel implements ChannelDriver {

    static final String SUPPORT = "support@bench.test";
    static final String PASSWORD = "bench-mail-password";
    static final String POLL_INTERVAL = "1s";

    private final NoDelayGreenMail mail;
    private final GreenMailUser support;
    private final Session session = Session.getInstance(new Properties());
    private final AtomicLong sequence = new AtomicLong();
    private final Map<Integer, String> customers = new ConcurrentHashMap<>();
    private volatile ObjLongConsumer<String> listener = (text, nanos) -> { };

    EmailChannel() {
        mail = new NoDelayGreenMail(ServerSetup.dynamicPort(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}));
        mail.start();
        support = mail.setUser(SUPPORT, SUPPORT, PASSWORD);
    }

    @Override
    public String channel() {
        return "EMAIL";
    }

    @Override
    public Map<String, String> hubProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        String m = "hub.channels.email.mailboxes[0].";
        p.put("hub.channels.email.enabled", "true");
        p.put(m + "address", SUPPORT);
        p.put(m + "display-name", "Bench Support");
        p.put(m + "imap.host", "127.0.0.1");
        p.put(m + "imap.port", Integer.toString(mail.port(ServerSetup.PROTOCOL_IMAP)));
        p.put(m + "imap.tls", "none");
        p.put(m + "imap.user", SUPPORT);
        p.put(m + "imap.password", PASSWORD);
        p.put(m + "imap.poll-interval", POLL_INTERVAL);
        // no processed folder: GreenMail fails a session whose COPY meets an EXPUNGE while mail is being
        // delivered ("Need to do this properly"); the mail stays in INBOX flagged \Seen, the default
        p.put(m + "smtp.host", "127.0.0.1");
        p.put(m + "smtp.port", Integer.toString(mail.port(ServerSetup.PROTOCOL_SMTP)));
        p.put(m + "smtp.tls", "none");
        p.put(m + "smtp.password", PASSWORD);
        return p;
    }

    /**
     * A new hub starts with an empty support mailbox: GreenMail searches the whole INBOX for unseen mail at
     * every poll, so the mail a previous database's run left there (seen) would slow this run's polls.
     */
    @Override
    public void attach(HubProcess hub, java.net.http.HttpClient http) {
        try {
            mail.getManagers().getImapHostManager().getInbox(support).deleteAllMessages();
        } catch (FolderException e) {
            throw new IllegalStateException("GreenMail has no INBOX for " + SUPPORT, e);
        }
    }

    /** Customer {@code n}'s address; their mailbox exists (and reports replies) from the first mail on. */
    private String customer(int n) {
        return customers.computeIfAbsent(n, k -> {
            String address = String.format("customer-%05d@customer.bench", k);
            GreenMailUser user = mail.setUser(address, address, PASSWORD);
            try {
                MailFolder inbox = mail.getManagers().getImapHostManager().getInbox(user);
                inbox.addListener(new Arrivals(inbox));
            } catch (FolderException e) {
                throw new IllegalStateException("GreenMail has no INBOX for " + address, e);
            }
            return address;
        });
    }

    @Override
    public Outgoing message(int customer) {
        long n = sequence.incrementAndGet();
        String id = ProviderIds.messageId("customer.bench");
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        try {
            mime.setFrom(new InternetAddress(customer(customer), "Customer " + customer));
            mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(SUPPORT));
            mime.setSubject("Order " + n);
            mime.setSentDate(new Date());
            mime.setText("Where is my order " + n + "?", "UTF-8");
            mime.saveChanges();
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        return new Outgoing(id, () -> {
            support.deliver(mime);
            return CompletableFuture.completedFuture(true);
        });
    }

    /** A backlog of a few polls' worth of mail: enough to keep every poll full, bounded so the phase ends drained. */
    @Override
    public int window() {
        return 200;
    }

    @Override
    public void onReply(ObjLongConsumer<String> replyListener) {
        this.listener = replyListener;
    }

    /** Reports each mail that arrives in one customer's INBOX, with its plain text. */
    private final class Arrivals implements FolderListener {

        private final MailFolder folder;

        Arrivals(MailFolder folder) {
            this.folder = folder;
        }

        @Override
        public void added(int msn) {
            long arrived = System.nanoTime();
            List<StoredMessage> messages = folder.getMessages();
            if (msn >= 1 && msn <= messages.size()) {
                try {
                    listener.accept(plainText(messages.get(msn - 1).getMimeMessage()), arrived);
                } catch (MessagingException | IOException e) {
                    System.err.println("Unreadable reply mail: " + e);
                }
            }
        }

        @Override
        public void expunged(int msn) {
        }

        @Override
        public void flagsUpdated(int msn, Flags flags, Long uid) {
        }

        @Override
        public void mailboxDeleted() {
        }
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = plainText(child);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    @Override
    public void close() {
        mail.stop();
    }

    /**
     * GreenMail whose servers answer without Nagle's algorithm ({@code TCP_NODELAY}), as mail servers in
     * production do. GreenMail's own sockets keep it on, and an answer written in pieces then waits for the
     * client's delayed ACK: ~40 ms per IMAP round trip, which would be measured as the hub's.
     */
    private static final class NoDelayGreenMail extends GreenMail {

        NoDelayGreenMail(ServerSetup[] setups) {
            super(setups);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
            Map<String, AbstractServer> servers = new HashMap<>();
            for (ServerSetup setup : setups) {
                servers.put(setup.getProtocol(), switch (setup.getProtocol()) {
                    case ServerSetup.PROTOCOL_IMAP -> new NoDelayImap(setup, managers);
                    case ServerSetup.PROTOCOL_SMTP -> new NoDelaySmtp(setup, managers);
                    default -> throw new IllegalArgumentException("not needed here: " + setup.getProtocol());
                });
            }
            return servers;
        }

        int port(String protocol) {
            return services.get(protocol).getPort();
        }
    }

    private static final class NoDelayImap extends AbstractServer {

        NoDelayImap(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket socket) {
            noDelay(socket);
            return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), socket);
        }
    }

    private static final class NoDelaySmtp extends SmtpServer {

        NoDelaySmtp(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket socket) {
            noDelay(socket);
            return super.createProtocolHandler(socket);
        }
    }

    private static void noDelay(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
        } catch (java.net.SocketException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
