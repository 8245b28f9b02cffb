package io.switchboard.it.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.it.AgentApi;
import io.switchboard.it.Browser;
import io.switchboard.it.Hub;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Offline mode through the real hub and real Chromium: the team's business hours are closed (every
 * day 00:00–24:00, but the days around today are holidays), so the widget shows the offline form;
 * the visitor's message becomes a pending offline ticket, the widget shows the auto-reply saying when
 * the team opens, and a second message in the same conversation gets no second auto-reply.
 */
class OutsideBusinessHoursIT {

    @TempDir
    Path dataDir;

    @TempDir
    Path profile;

    @Test
    void theVisitorLeavesAMessageGetsOneAutoReplyAndAgentsSeeAPendingTicket() {
        assumeTrue(Browser.available(), Browser.unavailableReason());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("hub.routing.offline-message", "We are closed today. Leave a message, we answer by e-mail.");
        props.put("hub.routing.auto-reply.text", "Thanks {{contact.name}}, we reply {{next_open}}.");
        props.put("hub.routing.business-hours.default.time-zone", "UTC");
        for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
            props.put("hub.routing.business-hours.default.weekly." + day, "00:00-24:00");
        }
        for (int i = 0; i < 4; i++) {
            props.put("hub.routing.business-hours.default.holidays[" + i + "]", today.plusDays(i - 1).toString());
        }
        try (Hub hub = Hub.start(dataDir, Hub.Database.h2(), props)) {
            AgentApi admin = AgentApi.admin(hub);
            ChromeDriver browser = Browser.open(profile);
            try {
                WidgetShadow.openOn(browser, hub.http("/demo"));
                WidgetShadow.awaitElement(browser, "form.offline input[name=name]");
                await().atMost(WidgetShadow.PATIENCE).until(() -> WidgetShadow.text(browser, "form.offline"),
                        t -> t.contains("We are closed today."));
                WidgetShadow.find(browser, "form.offline input[name=name]").sendKeys("Grace Hopper");
                WidgetShadow.find(browser, "form.offline input[name=email]").sendKeys("grace@example.com");
                WidgetShadow.find(browser, "form.offline textarea").sendKeys("Do you roast decaf?");
                WidgetShadow.find(browser, "form.offline button[type=submit]").click();

                // the auto-reply names the visitor and the opening: the first day after the holidays, 00:00 UTC
                String log = await().atMost(WidgetShadow.PATIENCE).until(() -> WidgetShadow.text(browser, ".log"),
                        t -> t.contains("Thanks Grace Hopper, we reply"));
                assertThat(log).contains("Do you roast decaf?").contains("at 00:00 (UTC time).");
                Browser.screenshot(browser, "widget-offline-auto-reply");

                JsonNode ticket = await().atMost(WidgetShadow.PATIENCE).until(() -> admin.get(
                        "/api/conversations?status=pending").ok(), list -> list.size() == 1).get(0);
                assertThat(ticket.path("offline").asBoolean()).isTrue();
                assertThat(ticket.path("assignee").isNull()).isTrue();
                assertThat(ticket.path("contact").path("displayName").asText()).isEqualTo("Grace Hopper");
                long id = ticket.path("id").asLong();

                // the auto-reply let the visitor chat on; their next message is not answered again
                WidgetShadow.awaitElement(browser, "#sb-input").sendKeys("Also, do you ship to Canada?", Keys.ENTER);
                JsonNode messages = await().atMost(WidgetShadow.PATIENCE).until(() -> admin.messages(id),
                        list -> count(list, "INBOUND") == 2);
                assertThat(count(messages, "OUTBOUND")).isEqualTo(1);
                assertThat(StreamSupport.stream(messages.spliterator(), false)
                        .filter(m -> "OUTBOUND".equals(m.path("direction").asText())).findFirst().orElseThrow()
                        .path("author").asText()).isEqualTo("Switchboard (auto-reply)");
                JsonNode activity = admin.get("/api/conversations/" + id + "/activity").ok();
                assertThat(activity.toString()).contains("\"offline\"");
            } finally {
                browser.quit();
            }
        }
    }

    private static long count(JsonNode messages, String direction) {
        return StreamSupport.stream(messages.spliterator(), false)
                .filter(m -> direction.equals(m.path("direction").asText())).count();
    }
}
