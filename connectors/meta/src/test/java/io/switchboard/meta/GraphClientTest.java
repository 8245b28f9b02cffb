package io.switchboard.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.model.ChannelType;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Media downloads across redirects, and the profile name cache. */
class GraphClientTest {

    static final FakeGraph GRAPH = MetaTestFixtures.graph();

    private final GraphClient graph = new GraphClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build(), new ObjectMapper(), GRAPH.baseUrl(), "v21.0", Duration.ofSeconds(5));

    @BeforeEach
    void reset() {
        GRAPH.reset();
        GRAPH.whatsappTokens.put("WA1", "wa-token");
        GRAPH.messagingTokens.put("PAGE1", "page-token");
    }

    @AfterAll
    static void stop() {
        GRAPH.close();
    }

    @Test
    void aRedirectToAnotherHostIsFollowedWithoutTheToken() throws Exception {
        String otherHost = GRAPH.baseUrl().replace("127.0.0.1", "localhost");
        GRAPH.cdn.put("photo.jpg", new FakeGraph.Media("jpeg".getBytes(StandardCharsets.US_ASCII), "image/jpeg", null));
        GRAPH.redirects.put("a", otherHost + "/cdn/photo.jpg");

        GraphClient.Download download = graph.open(GRAPH.baseUrl() + "/redirect/a", "wa-token");

        try (InputStream body = download.body()) {
            assertThat(body.readAllBytes()).isEqualTo("jpeg".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(GRAPH.requestsTo("/redirect/a")).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer wa-token"));
        assertThat(GRAPH.requestsTo("/cdn/photo.jpg")).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void aRedirectLoopIsRefused() {
        GRAPH.redirects.put("loop", GRAPH.baseUrl() + "/redirect/loop");

        assertThatThrownBy(() -> graph.open(GRAPH.baseUrl() + "/redirect/loop", null))
                .isInstanceOf(GraphException.class).hasMessageContaining("redirected more than 3 times");
    }

    @Test
    void profileNamesAreCachedAndARefusedLookupIsNotRepeated() {
        ProfileNames names = new ProfileNames(graph, Duration.ofMinutes(5), 100);
        GRAPH.profiles.put("PSID-1", "{\"first_name\":\"Peter\",\"last_name\":\"Chang\",\"id\":\"PSID-1\"}");

        assertThat(names.nameOf(ChannelType.MESSENGER, "PAGE1", "PSID-1", "page-token")).isEqualTo("Peter Chang");
        assertThat(names.nameOf(ChannelType.MESSENGER, "PAGE1", "PSID-1", "page-token")).isEqualTo("Peter Chang");
        assertThat(names.nameOf(ChannelType.MESSENGER, "PAGE1", "PSID-GONE", "page-token")).isNull();
        assertThat(names.nameOf(ChannelType.MESSENGER, "PAGE1", "PSID-GONE", "page-token")).isNull();

        assertThat(GRAPH.requestsTo("/v21.0/PSID-1")).singleElement().satisfies(r -> assertThat(r.query())
                .containsEntry("fields", "first_name,last_name").containsEntry("access_token", "page-token"));
        assertThat(GRAPH.requestsTo("/v21.0/PSID-GONE")).hasSize(1);
    }

    @Test
    void instagramNamesFallBackToTheUsername() {
        ProfileNames names = new ProfileNames(graph, Duration.ofMinutes(5), 100);
        GRAPH.profiles.put("IGSID-1", "{\"username\":\"peter_chang_live\",\"id\":\"IGSID-1\"}");

        assertThat(names.nameOf(ChannelType.INSTAGRAM, "IG1", "IGSID-1", "page-token")).isEqualTo("@peter_chang_live");
        assertThat(GRAPH.requestsTo("/v21.0/IGSID-1").get(0).query()).containsEntry("fields", "name,username");
    }
}
