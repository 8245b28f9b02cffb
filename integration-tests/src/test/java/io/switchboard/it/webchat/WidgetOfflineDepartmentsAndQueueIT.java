package io.switchboard.it.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.AvailabilityProvider.Availability;
import io.switchboard.core.spi.AvailabilityProvider.Department;
import io.switchboard.it.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The widget in real Chromium against the web-chat connector: the offline form when routing says
 * nobody is there, the department choice before the first message, and the queue position and
 * assignment notices the inbox pushes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetOfflineDepartmentsAndQueueIT {

    static final Duration PATIENCE = WidgetShadow.PATIENCE;

    @TempDir
    static Path profiles;
    WidgetOnlyHub hub;

    @BeforeAll
    void start() {
        if (!Browser.available()) {
            System.out.println("SKIPPED WidgetOfflineDepartmentsAndQueueIT: " + Browser.unavailableReason());
        }
        assumeTrue(Browser.available(), Browser.unavailableReason());
        hub = WidgetOnlyHub.start();
    }

    @BeforeEach
    void reset() {
        hub.parts.messages.clear();
        hub.parts.availability.set(Availability.ONLINE);
        hub.parts.departments.set(List.of());
        hub.parts.byDepartment.clear();
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void offlineTheVisitorLeavesNameEmailAndMessageAndSeesWhenWeReply() {
        hub.parts.availability.set(new Availability(false, "We're back Monday 9:00 CET - we'll reply by email."));
        ChromeDriver browser = Browser.open(profiles.resolve("offline"));
        try {
            WidgetShadow.openOn(browser, hub.http("/demo"));
            WidgetShadow.awaitElement(browser, "form.offline input[name=name]");
            await().atMost(PATIENCE).until(() -> WidgetShadow.text(browser, "form.offline"),
                    t -> t.contains("We're back Monday 9:00 CET"));
            assertThat(WidgetShadow.text(browser, "#sb-input")).isEmpty(); // no chat input while offline

            WidgetShadow.find(browser, "form.offline input[name=name]").sendKeys("Grace Hopper");
            WidgetShadow.find(browser, "form.offline input[name=email]").sendKeys("grace@");
            WidgetShadow.find(browser, "form.offline textarea").sendKeys("Do you roast decaf?");
            WidgetShadow.find(browser, "form.offline button[type=submit]").click();
            assertThat(WidgetShadow.text(browser, ".oerr")).contains("valid email");
            Browser.screenshot(browser, "widget-offline-form");
            assertThat(hub.parts.messages).isEmpty();

            WidgetShadow.find(browser, "form.offline input[name=email]").sendKeys("example.com");
            WidgetShadow.find(browser, "form.offline button[type=submit]").click();

            InboundMessage message = await().atMost(PATIENCE).until(() -> hub.parts.messages.isEmpty() ? null
                    : hub.parts.messages.get(0), m -> m != null);
            assertThat(message.text()).isEqualTo("Do you roast decaf?");
            assertThat(message.displayName()).isEqualTo("Grace Hopper");
            assertThat(message.context()).containsEntry("user.email", "grace@example.com")
                    .doesNotContainKey("user.verified");
            await().atMost(PATIENCE).until(() -> WidgetShadow.text(browser, ".log"),
                    t -> t.contains("We're back Monday 9:00 CET") && t.contains("Do you roast decaf?"));
            await().atMost(PATIENCE).until(() -> WidgetShadow.find(browser, ".msg.visitor.pending") == null);
            assertThat(WidgetShadow.text(browser, "form.offline")).isEmpty();
            Browser.screenshot(browser, "widget-offline-sent");
        } finally {
            browser.quit();
        }
    }

    @Test
    void choosingATeamThatIsAwayTurnsTheChatIntoTheOfflineForm() {
        hub.parts.departments.set(List.of(new Department("sales", "Sales"), new Department("support", "Support")));
        hub.parts.byDepartment.put("sales", new Availability(false, "Sales is back Monday at 9:00."));
        ChromeDriver browser = Browser.open(profiles.resolve("away-team"));
        try {
            WidgetShadow.openOn(browser, hub.http("/demo"));
            WebElement choice = WidgetShadow.awaitElement(browser, "#sb-dept");
            await().atMost(PATIENCE).until(choice::isDisplayed);
            WidgetShadow.find(browser, "#sb-input").sendKeys("A wholesale offer, please");

            new Select(choice).selectByVisibleText("Sales");

            await().atMost(PATIENCE).until(() -> WidgetShadow.text(browser, "form.offline"),
                    t -> t.contains("Sales is back Monday at 9:00."));
            assertThat(WidgetShadow.find(browser, "form.offline textarea").getAttribute("value"))
                    .isEqualTo("A wholesale offer, please");
            assertThat(WidgetShadow.text(browser, "form.offline select")).isEmpty(); // already chosen
            WidgetShadow.find(browser, "form.offline input[name=name]").sendKeys("Ada");
            WidgetShadow.find(browser, "form.offline input[name=email]").sendKeys("ada@example.com");
            WidgetShadow.find(browser, "form.offline button[type=submit]").click();

            InboundMessage message = await().atMost(PATIENCE).until(() -> hub.parts.messages.isEmpty() ? null
                    : hub.parts.messages.get(0), m -> m != null);
            assertThat(message.text()).isEqualTo("A wholesale offer, please");
            assertThat(message.context()).containsEntry("department", "sales")
                    .containsEntry("user.email", "ada@example.com");
            Browser.screenshot(browser, "widget-team-away-offline-sent");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theVisitorPicksADepartmentThenSeesTheQueueAndTheAgentJoining() {
        hub.parts.departments.set(List.of(new Department("sales", "Sales"), new Department("support", "Support")));
        ChromeDriver browser = Browser.open(profiles.resolve("queue"));
        try {
            WidgetShadow.openOn(browser, hub.http("/demo"));
            WebElement choice = WidgetShadow.awaitElement(browser, "#sb-dept");
            await().atMost(PATIENCE).until(choice::isDisplayed);
            WebElement input = WidgetShadow.find(browser, "#sb-input");
            input.sendKeys("Is the grinder in stock?", Keys.ENTER);
            assertThat(WidgetShadow.text(browser, ".notice")).contains("choose a department");

            new Select(choice).selectByVisibleText("Support");
            input.sendKeys(Keys.ENTER);
            assertThat(WidgetShadow.text(browser, ".notice")).isEmpty();
            InboundMessage message = await().atMost(PATIENCE).until(() -> hub.parts.messages.isEmpty() ? null
                    : hub.parts.messages.get(0), m -> m != null);
            assertThat(message.text()).isEqualTo("Is the grinder in stock?");
            assertThat(message.context()).containsEntry("department", "support");
            assertThat(choice.isDisplayed()).isFalse();

            String visitorId = await().atMost(PATIENCE).until(() -> (String) browser.executeScript(
                    "return window.__visitorId;"), id -> id != null);
            hub.push(visitorId, "{\"type\":\"queue\",\"position\":3,\"etaSeconds\":240}");
            await().atMost(PATIENCE).until(() -> WidgetShadow.text(browser, ".queue"),
                    t -> t.equals("You are number 3 in line \u2014 about 4 min"));
            hub.push(visitorId, "{\"type\":\"mystery\",\"html\":\"<img src=x onerror=window.__pwned=1>\"}");
            hub.push(visitorId, "{\"type\":\"queue\",\"position\":2}");
            await().atMost(PATIENCE).until(() -> WidgetShadow.text(browser, ".queue"),
                    t -> t.equals("You are number 2 in line"));
            Browser.screenshot(browser, "widget-queue-position");

            hub.push(visitorId, "{\"type\":\"assigned\",\"agent\":\"Dana <b>Lee</b>\"}");
            await().atMost(PATIENCE).until(() -> WidgetShadow.text(browser, ".system"),
                    t -> t.contains("Dana <b>Lee</b> joined the conversation"));
            assertThat(WidgetShadow.text(browser, ".queue")).isEmpty();

            hub.push(visitorId, "{\"type\":\"queue\",\"position\":1,\"etaSeconds\":30}");
            await().atMost(PATIENCE).until(() -> WidgetShadow.text(browser, ".queue"), t -> t.contains("about 1 min"));
            hub.push(visitorId, "{\"type\":\"message\",\"id\":\"6b1f6c1e-0000-4000-8000-000000000001\","
                    + "\"direction\":\"outbound\",\"text\":\"Yes, we have it!\",\"author\":\"Dana\"}");
            await().atMost(PATIENCE).until(() -> WidgetShadow.text(browser, ".msg.agent"),
                    t -> t.contains("Yes, we have it!"));
            assertThat(WidgetShadow.text(browser, ".queue")).isEmpty();
            assertThat(browser.executeScript("return window.__pwned === undefined;")).isEqualTo(true);
            Browser.screenshot(browser, "widget-agent-joined");
        } finally {
            browser.quit();
        }
    }
}
