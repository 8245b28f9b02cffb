package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisitorSessionTest {

    private final VisitorSession session = new VisitorSession(null);

    @Test
    void laterContextWinsKeyByKeyAndIdentityIsAdded() {
        session.greeted("0123456789abcdef");
        session.mergeContext(Map.of("page.url", "https://shop.example/", "browser.language", "de-DE"));
        session.mergeContext(Map.of("page.url", "https://shop.example/cart"));
        session.identify("u-1", null, "a@example.com");

        assertThat(session.fullContext()).containsEntry("page.url", "https://shop.example/cart")
                .containsEntry("browser.language", "de-DE").containsEntry("user.identifier", "u-1")
                .containsEntry("user.email", "a@example.com").doesNotContainKey("user.name");
        assertThat(session.displayName()).isEqualTo("Visitor 01234567");
    }

    @Test
    void oversizedContextIsTrimmedSoTheBusStillAcceptsMessages() {
        Map<String, String> huge = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            huge.put("k" + i, "v");
        }
        huge.put("x".repeat(101), "dropped");
        session.mergeContext(huge);
        session.mergeContext(Map.of("k0", "y".repeat(5000)));

        assertThat(session.fullContext()).hasSize(VisitorSession.MAX_CONTEXT_ENTRIES);
        assertThat(session.fullContext().get("k0")).hasSize(VisitorSession.MAX_CONTEXT_VALUE_LENGTH);
    }
}
