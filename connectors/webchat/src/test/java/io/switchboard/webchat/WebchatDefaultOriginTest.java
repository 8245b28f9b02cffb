package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With no settings at all: only the hub's own pages may connect or upload, and a session key is generated. */
@SpringBootTest(classes = WebchatTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebchatDefaultOriginTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Test
    void onlySameOriginPagesMayConnectByDefault() throws Exception {
        assertThat(Handshake.status(port, "https://shop.example")).isEqualTo(403);
        assertThat(Handshake.status(port, "http://localhost:" + port)).isEqualTo(101);
    }

    @Test
    void onlySameOriginPagesMayUploadByDefault() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            var welcome = client.hello(null, null);
            String id = welcome.get("visitorId").asText();
            String token = welcome.get("token").asText();
            Uploads uploads = new Uploads(port);

            Uploads.Answer foreign = uploads.upload(id, token, "a.png", "image/png", Uploads.PNG, "https://shop.example");
            Uploads.Answer own = uploads.upload(id, token, "a.png", "image/png", Uploads.PNG, "http://localhost:" + port);

            assertThat(foreign.status()).isEqualTo(403);
            assertThat(foreign.body().get("message").asText()).contains("hub.channels.webchat.allowed-origins");
            assertThat(own.status()).isEqualTo(201);
        }
    }

    /** Spring's own multipart limit (1 MB unless set) must not undercut the widget's 10 MB default. */
    @Test
    void aScreenshotOfSeveralMegabytesIsAcceptedByDefault() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            var welcome = client.hello(null, null);
            byte[] screenshot = new byte[3 * 1024 * 1024];
            System.arraycopy(Uploads.PNG, 0, screenshot, 0, Uploads.PNG.length);

            Uploads.Answer answer = new Uploads(port).upload(welcome.get("visitorId").asText(),
                    welcome.get("token").asText(), "screenshot.png", "image/png", screenshot, null);

            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.body().get("size").asLong()).isEqualTo(screenshot.length);
        }
    }

    @Test
    void theGeneratedSessionKeyIsKeptInTheDataDirectory() throws Exception {
        assertThat(Files.readString(dataDir.resolve(SessionSecret.KEY_FILE))).isNotBlank();
        try (TestClient client = TestClient.connect(port, null)) {
            assertThat(client.hello(null, null).get("token").asText()).isNotBlank();
        }
    }
}
