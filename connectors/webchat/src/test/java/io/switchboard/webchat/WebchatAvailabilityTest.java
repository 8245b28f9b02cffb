package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.AvailabilityProvider.Availability;
import io.switchboard.core.spi.AvailabilityProvider.Department;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Offline mode and department choice as the widget sees them over a real WebSocket, with the inbox's
 * {@code AvailabilityProvider} stood in for.
 */
@SpringBootTest(classes = WebchatTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.channels.webchat.account=shop",
                "hub.channels.webchat.session-secret=0123456789abcdef0123456789abcdef-test"})
class WebchatAvailabilityTest {

    @LocalServerPort
    int port;

    @Autowired
    WebchatTestApp.RecordingGateway gateway;

    @Autowired
    WebchatTestApp.StubAvailability availability;

    @BeforeEach
    void reset() {
        gateway.accepted.clear();
        availability.reset();
    }

    @Test
    void welcomeSaysOnlineAndOffersNoChoiceByDefault() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            JsonNode welcome = client.hello(null, null);

            assertThat(welcome.get("availability").get("online").asBoolean()).isTrue();
            assertThat(welcome.get("availability").get("message").isNull()).isTrue();
            assertThat(welcome.get("departments")).isEmpty();
        }
    }

    @Test
    void welcomeCarriesTheProvidersAnswerForTheVisitorsContextAndTheDepartments() throws Exception {
        availability.answer.set(new Availability(false, "We're back Monday 9:00 CET."));
        availability.departments.set(List.of(new Department("sales", "Sales"), new Department("support", "Support")));
        try (TestClient client = TestClient.connect(port, null)) {
            client.send("{\"type\":\"hello\",\"context\":{\"page.url\":\"https://shop.example/de/cart\","
                    + "\"browser.language\":\"de-DE\"}}");
            JsonNode welcome = client.next("welcome");

            assertThat(welcome.get("availability").get("online").asBoolean()).isFalse();
            assertThat(welcome.get("availability").get("message").asText()).isEqualTo("We're back Monday 9:00 CET.");
            assertThat(welcome.get("departments").toString())
                    .isEqualTo("[{\"id\":\"sales\",\"name\":\"Sales\"},{\"id\":\"support\",\"name\":\"Support\"}]");
            assertThat(availability.askedWith.get(0)).containsEntry("browser.language", "de-DE")
                    .containsEntry("page.url", "https://shop.example/de/cart");
        }
    }

    @Test
    void aBrokenProviderLeavesTheChatOnline() throws Exception {
        availability.answer.set(null);
        try (TestClient client = TestClient.connect(port, null)) {
            assertThat(client.hello(null, null).get("availability").get("online").asBoolean()).isTrue();
        }
    }

    @Test
    void theDepartmentChosenGoesWithTheMessageAsContext() throws Exception {
        availability.departments.set(List.of(new Department("sales", "Sales")));
        try (TestClient client = TestClient.connect(port, null)) {
            client.hello(null, null);
            client.send("{\"type\":\"context\",\"context\":{\"department\":\"sales\"}}");
            client.next("availability");
            client.send("{\"type\":\"message\",\"clientId\":\"d1\",\"text\":\"Bulk prices?\"}");
            client.next("ack");

            assertThat(gateway.accepted.get(0).context()).containsEntry("department", "sales");
        }
    }

    @Test
    void choosingADepartmentIsAnsweredWithThatTeamsAvailability() throws Exception {
        availability.departments.set(List.of(new Department("sales", "Sales"), new Department("support", "Support")));
        availability.byDepartment.put("sales", new Availability(false, "Sales is back at 9:00."));
        try (TestClient client = TestClient.connect(port, null)) {
            assertThat(client.hello(null, null).get("availability").get("online").asBoolean()).isTrue();

            client.send("{\"type\":\"context\",\"context\":{\"department\":\"sales\"}}");
            JsonNode sales = client.next("availability");
            client.send("{\"type\":\"context\",\"context\":{\"department\":\"support\"}}");
            JsonNode support = client.next("availability");
            client.send("{\"type\":\"context\",\"context\":{\"page.url\":\"https://shop.example/beans\"}}");
            client.send("{\"type\":\"ping\"}");

            assertThat(sales.get("online").asBoolean()).isFalse();
            assertThat(sales.get("message").asText()).isEqualTo("Sales is back at 9:00.");
            assertThat(support.get("online").asBoolean()).isTrue();
            assertThat(client.next().get("type").asText()).isEqualTo("pong"); // a page change is not answered
        }
    }

    /** What the widget's offline form sends: the name and email as an unverified identify, then the message. */
    @Test
    void theOfflineFormsFramesDeliverTheMessageWithTheVisitorsNameAndEmailAsHints() throws Exception {
        availability.answer.set(new Availability(false, null));
        try (TestClient client = TestClient.connect(port, null)) {
            assertThat(client.hello(null, null).get("availability").get("online").asBoolean()).isFalse();
            client.send("{\"type\":\"identify\",\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\"}");
            JsonNode identified = client.next("identified");
            client.send("{\"type\":\"message\",\"clientId\":\"off-1\",\"text\":\"Please call me back about my order\"}");
            client.next("ack");

            assertThat(identified.get("verified").asBoolean()).isFalse();
            InboundMessage message = gateway.accepted.get(0);
            assertThat(message.displayName()).isEqualTo("Grace Hopper");
            assertThat(message.text()).isEqualTo("Please call me back about my order");
            assertThat(message.context()).containsEntry("user.email", "grace@example.com")
                    .containsEntry("user.name", "Grace Hopper").doesNotContainKey("user.verified");
        }
    }
}
