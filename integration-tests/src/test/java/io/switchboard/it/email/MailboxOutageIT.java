package io.switchboard.it.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.switchboard.it.AgentApi;
import io.switchboard.it.Hub;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The hub starts while the mail server is down, says so on its health endpoint, and recovers by itself. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailboxOutageIT {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final String SUPPORT = EmailConversationsIT.SUPPORT;

    @TempDir
    static Path dataDir;
    final int imapPort = freePort();
    Hub hub;
    GreenMail lateServer;

    @BeforeAll
    void startHubWhileTheMailServerIsDown() {
        Map<String, Object> props = new HashMap<>(EmailConversationsIT.mailbox(imapPort, freePort()));
        hub = Hub.start(dataDir, Hub.Database.h2(), props);
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
        if (lateServer != null) {
            lateServer.stop();
        }
    }

    @Test
    void theHubStartsWithTheMailServerDownReportsItAndTakesMailOnceItIsBack() {
        AgentApi anonymous = AgentApi.anonymous(hub);
        AgentApi agent = AgentApi.admin(hub);
        assertThat(agent.conversations()).isEmpty();

        // a logged-in admin sees the mailbox and why it is down; a load balancer sees the overall status only
        JsonNode down = await().atMost(PATIENCE).until(() -> agent.get("/actuator/health/email"),
                r -> r.status() == 503).json();
        JsonNode mailbox = down.path("components").path(SUPPORT);
        assertThat(mailbox.path("status").asText()).isEqualTo("DOWN");
        assertThat(mailbox.path("details").path("imap").asText()).isEqualTo("imap://127.0.0.1:" + imapPort);
        assertThat(mailbox.path("details").path("error").asText()).contains("Connection refused");
        AgentApi.Response overall = anonymous.get("/actuator/health");
        assertThat(overall.status()).isEqualTo(503);
        assertThat(overall.json().path("status").asText()).isEqualTo("DOWN");
        assertThat(overall.json().has("components")).isFalse();
        // ...while the readiness probe keeps the hub in rotation: it still takes chats and webhooks
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);

        lateServer = new GreenMail(new ServerSetup(imapPort, MailClient.HOST, ServerSetup.PROTOCOL_IMAP));
        lateServer.start();
        GreenMailUser support = lateServer.setUser(SUPPORT, SUPPORT, EmailConversationsIT.PASSWORD);
        MailClient.deliver(support, Mails.plain("", Mails.messageId("customer.test"), "Ivy <ivy@customer.test>",
                SUPPORT, Mails.unique("After the outage"), "Hello, anyone there?"));

        JsonNode up = await().atMost(PATIENCE).until(() -> agent.get("/actuator/health/email"),
                r -> r.status() == 200).json();
        assertThat(up.path("components").path(SUPPORT).path("status").asText()).isEqualTo("UP");
        assertThat(up.path("components").path(SUPPORT).path("details").has("error")).isFalse();
        await().atMost(PATIENCE).until(() -> agent.conversations().size() == 1);
        long conversationId = agent.conversations().get(0).path("id").asLong();
        assertThat(agent.messages(conversationId).get(0).path("text").asText()).isEqualTo("Hello, anyone there?");
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(MailClient.HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
