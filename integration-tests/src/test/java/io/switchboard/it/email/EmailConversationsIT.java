package io.switchboard.it.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import io.switchboard.it.AgentApi;
import io.switchboard.it.Hub;
import io.switchboard.it.Visitor;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The email channel through the whole hub, as customers and agents see it. GreenMail is the mail
 * server of the support mailbox (polled by the hub over IMAP, its replies sent over SMTP) and of the
 * customers, whose mailboxes the tests read over IMAP. One hub for the class; every test has its own
 * customer address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailConversationsIT {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final String SUPPORT = "support@shop.test";
    static final String REPLY_DOMAIN = "reply.shop.test";
    static final String PASSWORD = "mail-secret";
    static final Pattern REPLY_ADDRESS = Pattern.compile("reply\\+([A-Za-z0-9_-]+)@" + Pattern.quote(REPLY_DOMAIN));

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(new ServerSetup[] {
            new ServerSetup(0, MailClient.HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, MailClient.HOST, ServerSetup.PROTOCOL_IMAP)})).withPerMethodLifecycle(false);

    @TempDir
    static Path dataDir;
    Hub hub;
    AgentApi agent;
    MailInbox inbox;
    GreenMailUser supportMailbox;
    AttachmentDisk attachments;

    @BeforeAll
    void startHub() throws IOException {
        supportMailbox = MAIL.setUser(SUPPORT, SUPPORT, PASSWORD);
        attachments = AttachmentDisk.under(dataDir);
        Map<String, Object> props = new HashMap<>(mailbox(MAIL.getImap().getPort(), MAIL.getSmtp().getPort()));
        props.put("hub.channels.email.max-attachment-size", "64KB");
        props.put("hub.inbox.transcripts.enabled", "true");
        props.put("hub.inbox.transcripts.mailbox", SUPPORT);
        props.put("hub.attachments.dir", attachments.dir().toString());
        hub = Hub.start(dataDir, Hub.Database.h2(), props);
        agent = AgentApi.admin(hub);
        inbox = new MailInbox(agent, PATIENCE);
    }

    /** The support mailbox as an admin configures it: polled every 200 ms, replies with reply+token addresses. */
    static Map<String, Object> mailbox(int imapPort, int smtpPort) {
        String m = "hub.channels.email.mailboxes[0].";
        return Map.ofEntries(Map.entry("hub.channels.email.enabled", "true"),
                Map.entry("hub.channels.email.connection-timeout", "5s"),
                Map.entry(m + "address", SUPPORT), Map.entry(m + "display-name", "Shop Support"),
                Map.entry(m + "reply-domain", REPLY_DOMAIN),
                Map.entry(m + "imap.host", MailClient.HOST), Map.entry(m + "imap.port", imapPort),
                Map.entry(m + "imap.tls", "none"), Map.entry(m + "imap.user", SUPPORT),
                Map.entry(m + "imap.password", PASSWORD), Map.entry(m + "imap.poll-interval", "200ms"),
                Map.entry(m + "smtp.host", MailClient.HOST), Map.entry(m + "smtp.port", smtpPort),
                Map.entry(m + "smtp.tls", "none"), Map.entry(m + "smtp.password", PASSWORD));
    }

    @AfterAll
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aCustomerMailBecomesAConversationAndTheAgentsReplyArrivesThreaded() {
        String customer = "ann@customer.test";
        MAIL.setUser(customer, customer, PASSWORD);
        String subject = Mails.unique("Order 1234 arrived damaged");
        String messageId = Mails.messageId("customer.test");
        String pdf = "%PDF-1.4 photo of the damage";
        MailClient.deliver(supportMailbox, Mails.withAttachments(messageId, "Ann Example <" + customer + ">", SUPPORT,
                subject, "The box was crushed, see the attached report.",
                new Mails.Attachment("damage-report.pdf", "application/pdf", pdf.getBytes(StandardCharsets.US_ASCII))));

        long conversationId = inbox.awaitConversationOf(customer);
        JsonNode conversation = agent.get("/api/conversations/" + conversationId).ok();
        assertThat(conversation.path("lastChannel").asText()).isEqualTo("EMAIL");
        assertThat(conversation.path("contact").path("displayName").asText()).isEqualTo("Ann Example");
        JsonNode mail = agent.messages(conversationId).get(0);
        assertThat(mail.path("direction").asText()).isEqualTo("INBOUND");
        assertThat(mail.path("account").asText()).isEqualTo(SUPPORT);
        assertThat(mail.path("subject").asText()).isEqualTo(subject);
        assertThat(mail.path("text").asText()).isEqualTo("The box was crushed, see the attached report.");
        JsonNode attachment = mail.path("attachments").get(0);
        assertThat(attachment.path("name").asText()).isEqualTo("damage-report.pdf");
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.path("size").asLong()).isEqualTo(pdf.length());
        AgentApi.Response download = agent.get(attachment.path("url").asText());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.raw().headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment"));

        JsonNode reply = inbox.reply(conversationId, "Sorry about that! A replacement ships today.");

        MailClient.Received received = awaitOnlyMail(customer, "Re: " + subject);
        assertThat(received.text()).contains("Sorry about that! A replacement ships today.");
        InternetAddress from = address(received.header("From"));
        assertThat(from.getAddress()).isEqualTo(SUPPORT);
        assertThat(from.getPersonal()).isEqualTo("Shop Support");
        assertThat(received.header("In-Reply-To")).isEqualTo(messageId);
        assertThat(received.header("References")).contains(messageId);
        assertThat(address(received.header("Reply-To")).getAddress()).matches(REPLY_ADDRESS);
        JsonNode sent = inbox.awaitStatus(conversationId, reply, "SENT");
        assertThat(sent.path("providerId").asText()).isEqualTo(received.header("Message-ID"));
    }

    @Test
    void theCustomersAnswerJoinsTheConversationByInReplyToAloneOrByTheReplyAddress() {
        String customer = "bob@customer.test";
        MAIL.setUser(customer, customer, PASSWORD);
        String subject = Mails.unique("Where is my refund");
        MailClient.deliver(supportMailbox, Mails.plain("", Mails.messageId("customer.test"), customer, SUPPORT,
                subject, "I returned the kettle two weeks ago."));
        long conversationId = inbox.awaitConversationOf(customer);
        inbox.reply(conversationId, "The refund was issued yesterday.");
        MailClient.Received ourReply = awaitOnlyMail(customer, "Re: " + subject);
        // resolved, so an answer that did not thread would open a new conversation
        inbox.resolve(conversationId);

        // Outlook: In-Reply-To only, no References, a subject of its own
        MailClient.deliver(supportMailbox, Mails.plain("In-Reply-To: " + ourReply.header("Message-ID"),
                Mails.messageId("outlook.customer.test"), customer, SUPPORT, Mails.unique("AW: refund"),
                "Thanks, I can see it now."));
        await().atMost(PATIENCE).until(() -> inbox.texts(conversationId).contains("Thanks, I can see it now."));
        assertThat(inbox.conversationsOf(customer)).containsExactly(conversationId);
        inbox.resolve(conversationId);

        // a client that drops every threading header, writing to the reply address it was given
        Matcher token = REPLY_ADDRESS.matcher(address(ourReply.header("Reply-To")).getAddress());
        assertThat(token.matches()).isTrue();
        MailClient.deliver(supportMailbox, Mails.plain("", Mails.messageId("customer.test"), customer,
                "reply+" + token.group(1) + "@" + REPLY_DOMAIN, Mails.unique("one more thing"),
                "Can I also return the lid?"));
        await().atMost(PATIENCE).until(() -> inbox.texts(conversationId).contains("Can I also return the lid?"));
        assertThat(inbox.conversationsOf(customer)).containsExactly(conversationId);
        inbox.resolve(conversationId);

        // the control: the same customer without threading headers or token starts a new conversation
        MailClient.deliver(supportMailbox, Mails.plain("", Mails.messageId("customer.test"), customer, SUPPORT,
                Mails.unique("New order"), "A new question."));
        await().atMost(PATIENCE).until(() -> inbox.conversationsOf(customer).size() == 2);
        assertThat(inbox.texts(conversationId)).containsExactly("I returned the kettle two weeks ago.",
                "The refund was issued yesterday.", "Thanks, I can see it now.", "Can I also return the lid?");
    }

    @Test
    void theSameMailDeliveredTwiceIsStoredOnce() {
        String customer = "eve@customer.test";
        String subject = Mails.unique("Invoice copy");
        String messageId = Mails.messageId("customer.test");
        String raw = Mails.plain("", messageId, customer, SUPPORT, subject, "Please send the invoice again.");
        MailClient.deliver(supportMailbox, raw);
        MailClient.deliver(supportMailbox, raw);

        // both copies taken (flagged seen only once the bus stored them), then a later mail of the thread
        await().atMost(PATIENCE).until(() -> supportMail(subject).stream()
                .filter(MailClient.Received::seen).count() == 2);
        MailClient.deliver(supportMailbox, Mails.plain("In-Reply-To: " + messageId, Mails.messageId("customer.test"),
                customer, SUPPORT, "Re: " + subject, "Found it, thanks."));
        long conversationId = inbox.awaitConversationOf(customer);
        await().atMost(PATIENCE).until(() -> inbox.texts(conversationId).contains("Found it, thanks."));
        await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> inbox.texts(conversationId)
                .equals(List.of("Please send the invoice again.", "Found it, thanks.")));
        assertThat(inbox.conversationsOf(customer)).containsExactly(conversationId);
    }

    @Test
    void aMailWhoseProcessingFailedStaysUnseenAndIsTakenOnALaterPoll() throws IOException {
        String customer = "cara@customer.test";
        String subject = Mails.unique("Storage outage");
        try (HubLog mailConsumer = HubLog.of("org.apache.camel.component.mail.MailConsumer")) {
            attachments.takeAway();
            MailClient.deliver(supportMailbox, Mails.plain("", Mails.messageId("customer.test"), customer, SUPPORT,
                    subject, "Hello, is my order on its way?"));

            // the original could not be stored: the poll rolled the mail back, and the next polls did again
            await().atMost(PATIENCE).until(() -> mailConsumer.count("rolling back",
                    "Storing the original mail failed") >= 2);
            assertThat(supportMail(subject)).singleElement().extracting(MailClient.Received::seen).isEqualTo(false);
            assertThat(inbox.conversationsOf(customer)).isEmpty();

            attachments.giveBack();
            long conversationId = inbox.awaitConversationOf(customer);
            assertThat(inbox.texts(conversationId)).containsExactly("Hello, is my order on its way?");
            await().atMost(PATIENCE).until(() -> supportMail(subject).stream().allMatch(MailClient.Received::seen));
        } finally {
            attachments.giveBack();
        }
    }

    @Test
    void hostileHtmlArrivesInert() {
        String customer = "mallory@customer.test";
        MailClient.deliver(supportMailbox, Mails.html(Mails.messageId("customer.test"), customer, SUPPORT,
                Mails.unique("Hostile"), """
                <html><head><script>alert('head')</script></head><body>
                <p onmouseover="steal()" style="color: red">Hello <b>there</b></p>
                <img src="https://tracker.test/pixel.gif" onerror="alert(1)">
                <a href="javascript:alert(2)">click me</a>
                <a href="https://shop.test/ok" onclick="evil()">fine link</a>
                <iframe src="https://evil.test/"></iframe><script>document.cookie</script>
                </body></html>"""));

        JsonNode mail = agent.messages(inbox.awaitConversationOf(customer)).get(0);
        String html = mail.path("html").asText();
        assertThat(html.toLowerCase()).doesNotContain("<script", "onerror", "onmouseover", "onclick", "javascript:",
                "alert", "<iframe", "<img", "cookie", "tracker.test");
        assertThat(html).contains("<b>there</b>").contains("href=\"https://shop.test/ok\"").contains("click me");
        assertThat(mail.path("text").asText()).contains("Hello there").doesNotContain("alert");
    }

    @Test
    void anOversizedAttachmentIsRefusedWithANoteAndTheRestIsKept() {
        String customer = "gus@customer.test";
        byte[] big = new byte[100 * 1024];
        new Random(7).nextBytes(big);
        MailClient.deliver(supportMailbox, Mails.withAttachments(Mails.messageId("customer.test"), customer, SUPPORT,
                Mails.unique("Logs"), "Both logs attached.",
                new Mails.Attachment("full.log.gz", "application/gzip", big),
                new Mails.Attachment("short.txt", "text/plain", "short log".getBytes(StandardCharsets.UTF_8))));

        JsonNode mail = agent.messages(inbox.awaitConversationOf(customer)).get(0);
        assertThat(mail.path("text").asText()).isEqualTo("Both logs attached.\n\n"
                + "[Attachment \"full.log.gz\" (100 KB) was not accepted: the limit is 64 KB]");
        assertThat(mail.path("attachments")).hasSize(1);
        assertThat(mail.path("attachments").get(0).path("name").asText()).isEqualTo("short.txt");
        assertThat(agent.get(mail.path("attachments").get(0).path("url").asText()).body()).isEqualTo("short log");
    }

    @Test
    void anOutOfOfficeReplyDoesNotOpenAConversation() {
        String customer = "dee@customer.test";
        String away = Mails.unique("Out of office");
        MailClient.deliver(supportMailbox, Mails.plain("Auto-Submitted: auto-replied", Mails.messageId("customer.test"),
                customer, SUPPORT, away, "I am away until Monday."));
        await().atMost(PATIENCE).until(() -> supportMail(away).stream().allMatch(MailClient.Received::seen));

        // dropped, not delayed: dee's next real mail opens a conversation holding only that one
        MailClient.deliver(supportMailbox, Mails.plain("", Mails.messageId("customer.test"), customer, SUPPORT,
                Mails.unique("Back"), "I'm back, any news?"));
        assertThat(inbox.texts(inbox.awaitConversationOf(customer))).containsExactly("I'm back, any news?");
    }

    @Test
    void aResolvedChatIsEmailedToTheVisitor() {
        String email = "visitor@example.org";
        MAIL.setUser(email, email, PASSWORD);
        long conversationId;
        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.send(Map.of("type", "identify", "email", email, "name", "Vera"));
            visitor.awaitType("identified");
            visitor.say("Do you ship to Norway?");
            conversationId = inbox.awaitConversationOf(visitor.visitorId);
            JsonNode reply = inbox.reply(conversationId, "Yes, in 3-5 days.");
            visitor.await(f -> "message".equals(f.path("type").asText()), PATIENCE);
            inbox.awaitStatus(conversationId, reply, "SENT");
        }
        inbox.resolve(conversationId);

        MailClient.Received transcript = awaitOnlyMail(email, "Your chat transcript");
        assertThat(address(transcript.header("From")).getAddress()).isEqualTo(SUPPORT);
        assertThat(transcript.text()).contains("You: Do you ship to Norway?")
                .contains("Administrator: Yes, in 3-5 days.");
    }

    /** The support mailbox's mails with this subject, and whether the hub flagged them seen. */
    List<MailClient.Received> supportMail(String subject) {
        return MailClient.withSubject(MAIL.getImap().getPort(), SUPPORT, PASSWORD, subject);
    }

    MailClient.Received awaitOnlyMail(String user, String subject) {
        return await().atMost(PATIENCE).until(() -> MailClient.withSubject(MAIL.getImap().getPort(), user, PASSWORD,
                subject), list -> list.size() == 1).get(0);
    }

    static InternetAddress address(String header) {
        try {
            return new InternetAddress(header);
        } catch (AddressException e) {
            throw new AssertionError("Not an address: " + header, e);
        }
    }
}
