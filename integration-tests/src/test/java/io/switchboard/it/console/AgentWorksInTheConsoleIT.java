package io.switchboard.it.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.it.AgentApi;
import io.switchboard.it.AgentRealtime;
import io.switchboard.it.Browser;
import io.switchboard.it.Hub;
import io.switchboard.it.Visitor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The agent console in a real Chromium: a web-chat conversation appears live, customer text and
 * links render as text (only http/https become links), private notes are visibly apart, a canned
 * response is inserted with its variables filled and reaches the visitor with delivery ticks; typing
 * shows on both sides between the widget (a second browser) and the console.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentWorksInTheConsoleIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profiles;
    Hub hub;
    ChromeDriver browser;

    @BeforeAll
    void start() {
        if (!Browser.available()) {
            System.out.println("SKIPPED AgentWorksInTheConsoleIT: " + Browser.unavailableReason());
        }
        assumeTrue(Browser.available(), Browser.unavailableReason());
        hub = Hub.start(dataDir, Hub.Database.h2(), Map.of());
        browser = Browser.open(profiles.resolve("agent"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void anAgentSeesAConversationLiveAndAnswersWithNotesAndTicks() {
        AgentApi.admin(hub).post("/api/canned-responses", Map.of("shortcut", "ships",
                "text", "Hello {{contact.name}}! {{agent.name}} here: your order ships today.", "shared", true)).ok();
        logIn();
        browser.executeScript("window.__notes = []; window.Notification = function (title, options) {"
                + " window.__notes.push(title + ': ' + options.body); };"
                + " window.Notification.permission = 'granted';");
        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.say("Help <img src=x onerror=\"window.__pwned=1\"> see javascript:window.__pwned=2 "
                    + "or https://shop.example/orders/42.");
            String notes = await().atMost(PATIENCE).until(() -> script("return window.__notes.join('|');"),
                    n -> !n.isEmpty());
            assertThat(notes).startsWith("Visitor ").contains(": Help <img src=x");
            open("Help <img");

            String message = await().atMost(PATIENCE).until(() -> text("#messages .message.inbound"), t -> !t.isEmpty());
            assertThat(message).contains("<img src=x onerror=", "javascript:window.__pwned=2");
            assertThat(script("return [...document.querySelectorAll('#messages .message.inbound a')]"
                    + ".map(a => a.href + ' ' + a.rel).join('|');"))
                    .isEqualTo("https://shop.example/orders/42 noopener noreferrer");
            assertThat(script("return String(document.querySelectorAll('#messages img').length);")).isEqualTo("0");
            assertThat(text("#context")).contains("WEBCHAT", "Europe/London");

            browser.findElement(By.id("reply-note")).click();
            write("Customer is on the legacy plan");
            await().atMost(PATIENCE).until(() -> text("#messages .note"),
                    t -> t.contains("Private note") && t.contains("Customer is on the legacy plan"));

            browser.findElement(By.id("reply-note")).click();
            WebElement box = browser.findElement(By.id("reply-text"));
            box.sendKeys("/shi");
            await().atMost(PATIENCE).until(() -> text("#canned-suggestions li"), t -> t.contains("/ships"));
            box.sendKeys(Keys.TAB);
            String filled = await().atMost(PATIENCE).until(() -> box.getAttribute("value"),
                    v -> v.contains("Administrator here"));
            assertThat(filled).startsWith("Hello Visitor ").endsWith(": your order ships today.");
            write("");
            visitor.await(f -> "message".equals(f.path("type").asText())
                    && f.path("text").asText().equals(filled), PATIENCE);
            await().atMost(PATIENCE).until(() -> text("#messages .message.outbound"),
                    t -> t.matches("(?si).*WEBCHAT.*(sent|delivered|read).*"));
            assertThat(browser.executeScript("return window.__pwned === undefined;")).isEqualTo(true);
            Browser.screenshot(browser, "console-thread-1280x800");
            browser.manage().window().setSize(new Dimension(760, 700));
            await().atMost(PATIENCE).until(() -> browser.findElement(By.id("reply-text")).isDisplayed());
            Browser.screenshot(browser, "console-thread-narrow");
        }
    }

    @Test
    void typingShowsOnBothSidesBetweenTheWidgetAndTheConsole() {
        ChromeDriver widget = Browser.open(profiles.resolve("visitor"));
        try {
            widget.get(hub.http("/demo"));
            await().atMost(PATIENCE).until(() -> (Boolean) widget.executeScript(
                    "return !!(window.Switchboard && window.Switchboard.open);"));
            widget.executeScript("window.Switchboard.open();");
            WebElement input = await().atMost(PATIENCE).until(() -> widgetInput(widget), e -> e != null);
            input.sendKeys("Hi from the widget", Keys.ENTER);

            logIn();
            open("Hi from the widget");
            input.sendKeys("Where is my ord");
            await().atMost(PATIENCE).until(() -> text("#visitor-typing"), t -> t.contains("Visitor is typing"));

            browser.findElement(By.id("reply-text")).sendKeys("Let me check");
            await().atMost(PATIENCE).until(() -> widget.executeScript("for (const host of document.querySelectorAll('*')) {"
                    + "  const t = host.shadowRoot && host.shadowRoot.querySelector('.typing');"
                    + "  if (t) return !t.hidden && t.textContent;"
                    + "} return false;"), shown -> String.valueOf(shown).contains("Agent is typing"));
            Browser.screenshot(widget, "widget-agent-typing");
            Browser.screenshot(browser, "console-visitor-typing");
        } finally {
            widget.quit();
        }
    }

    @Test
    void typingFramesCrossTheHubWithoutBeingStored() {
        AgentApi agent = AgentApi.admin(hub);
        try (AgentRealtime live = AgentRealtime.connect(hub); Visitor visitor = Visitor.arrive(hub)) {
            visitor.say("Typing test");
            visitor.send(Map.of("type", "typing", "on", true, "preview", "x".repeat(300)));
            JsonNode typing = live.await(f -> "visitor.typing".equals(f.path("type").asText())
                    && visitor.visitorId.equals(f.path("data").path("address").asText()), PATIENCE);
            assertThat(typing.path("data").path("on").asBoolean()).isTrue();
            assertThat(typing.path("data").path("preview").asText()).hasSize(200);
            visitor.send(Map.of("type", "typing", "on", "yes"));
            assertThat(visitor.awaitType("error").path("code").asText()).isEqualTo("malformed");

            long id = await().atMost(PATIENCE).until(() -> conversationOf(agent, visitor.visitorId), c -> c > 0);
            assertThat(agent.post("/api/conversations/" + id + "/typing", Map.of("on", true)).status()).isEqualTo(204);
            assertThat(visitor.await(f -> "typing".equals(f.path("type").asText()), PATIENCE).path("on").asBoolean())
                    .isTrue();
            assertThat(agent.post("/api/conversations/" + id + "/typing", Map.of()).status()).isEqualTo(400);
            assertThat(agent.messages(id)).hasSize(1);
        }
    }

    private static long conversationOf(AgentApi agent, String visitorId) {
        for (JsonNode c : agent.conversations()) {
            if (c.path("contact").path("identities").toString().contains(visitorId)) {
                return c.path("id").asLong();
            }
        }
        return 0;
    }

    private static WebElement widgetInput(ChromeDriver driver) {
        Object found = driver.executeScript("for (const host of document.querySelectorAll('*')) {"
                + "  if (!host.shadowRoot) continue;"
                + "  const input = host.shadowRoot.querySelector('input[type=text]');"
                + "  if (input && input.offsetParent !== null) return input;"
                + "} return null;");
        return found instanceof WebElement element ? element : null;
    }

    private void write(String text) {
        WebElement box = browser.findElement(By.id("reply-text"));
        box.sendKeys(text);
        box.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        await().atMost(PATIENCE).until(() -> box.getAttribute("value").isEmpty());
    }

    /** Clicks the conversation whose list entry shows {@code text}, once it appears (the list re-renders live). */
    private void open(String text) {
        await().atMost(PATIENCE).until(() -> "clicked".equals(browser.executeScript(
                "const li = [...document.querySelectorAll('#conversations li')]"
                        + ".find(e => e.textContent.includes(arguments[0]));"
                        + "if (!li) return 'none'; li.click(); return 'clicked';", text)));
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("thread")).isDisplayed());
    }

    /** The text of every element matching {@code css}, read in one script (nothing goes stale). */
    private String text(String css) {
        return script("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText).join('\\n');", css);
    }

    private String script(String js, Object... args) {
        return String.valueOf(browser.executeScript(js, args));
    }

    /** Opens the console, logging in unless this browser's session already is. */
    private void logIn() {
        browser.manage().window().setSize(new Dimension(1280, 800));
        browser.get(hub.http("/console"));
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.name("username")).isEmpty()
                || "live".equals(script("const c = document.getElementById('connection'); return c && c.textContent;")));
        if (browser.findElements(By.name("username")).isEmpty()) {
            return;
        }
        browser.findElement(By.name("username")).sendKeys(Hub.ADMIN);
        browser.findElement(By.name("password")).sendKeys(Hub.PASSWORD);
        browser.findElement(By.name("password")).sendKeys(Keys.ENTER);
        await().atMost(PATIENCE).until(() -> "live".equals(browser.findElement(By.id("connection")).getText()));
    }
}
