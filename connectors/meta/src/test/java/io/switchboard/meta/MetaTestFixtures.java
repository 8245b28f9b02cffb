package io.switchboard.meta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** Connector settings for tests that build the classes by hand. */
final class MetaTestFixtures {

    private MetaTestFixtures() {
    }

    static MetaProperties properties(String graphBaseUrl) {
        return new MetaProperties(true, "app-secret", "verify-token", graphBaseUrl, "v21.0",
                List.of(new MetaProperties.Page("PAGE1", "page-token", false),
                        new MetaProperties.Page("PAGE2", "tagged-page-token", true)),
                List.of(new MetaProperties.Instagram("IG1", "ig-token", false)),
                List.of(new MetaProperties.WhatsApp("WA1", "+15550001111", "wa-token", List.of(
                        new MetaProperties.Template("order_update", "en_US", List.of("name", "order"),
                                "Hi {{1}}, your order {{2}} has shipped."),
                        new MetaProperties.Template("hello_world", "en_US", List.of(), "Hello World")))),
                Duration.ofHours(24), 100, Duration.ofSeconds(5));
    }

    static FakeGraph graph() {
        try {
            return new FakeGraph();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
