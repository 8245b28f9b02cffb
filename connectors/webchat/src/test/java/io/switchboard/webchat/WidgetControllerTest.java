package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

@SpringBootTest(classes = WebchatTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "hub.channels.webchat.account=shop",
                "hub.channels.webchat.allowed-origins=https://shop.example",
                "hub.channels.webchat.session-secret=0123456789abcdef0123456789abcdef-test",
                "hub.channels.webchat.title=Talk to </script> us"})
class WidgetControllerTest {

    @LocalServerPort
    int port;

    @Test
    void theWidgetScriptIsServedAsJavaScriptWithItsSettings() throws Exception {
        HttpResponse<String> response = get("/widget.js");

        assertThat(response.statusCode()).isEqualTo(200);
        MediaType type = MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow());
        assertThat(type.isCompatibleWith(MediaType.parseMediaType("application/javascript"))).isTrue();
        assertThat(type.getCharset()).hasToString("UTF-8");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=300");
        assertThat(response.body()).contains("var CONFIG = {\"title\":\"Talk to \\u003c/script> us\"")
                .contains("\"maxTextLength\":4000").doesNotContain("SWITCHBOARD_CONFIG")
                .contains("switchboard.visitor").contains("webchat/ws");
    }

    @Test
    void theDemoPageEmbedsTheWidgetWithOneTag() throws Exception {
        HttpResponse<String> response = get("/demo");

        assertThat(response.statusCode()).isEqualTo(200);
        MediaType type = MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow());
        assertThat(type.isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(type.getCharset()).hasToString("UTF-8");
        assertThat(response.body()).containsOnlyOnce("<script").contains("<script src=\"/widget.js\" async></script>");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
