package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The demo page's widget and the agent console in a real Chromium: a visitor writes, the agent sees
 * it in the console and answers, the visitor sees the answer; customer text never runs as HTML.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitorAndAgentInTheBrowserIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Text the widget's shadow roots show, wherever the widget put its host element. */
    static final String WIDGET_TEXT = "return [...document.querySelectorAll('*')].filter(e => e.shadowRoot)"
            + ".map(e => e.shadowRoot.textContent).join('\\n');";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profiles;
    Hub hub;

    @BeforeAll
    void start() {
        if (!Browser.available()) {
            System.out.println("SKIPPED VisitorAndAgentInTheBrowserIT: " + Browser.unavailableReason());
        }
        assumeTrue(Browser.available(), Browser.unavailableReason());
        hub = Hub.start(dataDir, Hub.Database.h2());
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aVisitorOnTheDemoPageChatsWithAnAgentInTheConsole() {
        ChromeDriver visitor = Browser.open(profiles.resolve("visitor"));
        ChromeDriver agentBrowser = Browser.open(profiles.resolve("agent"));
        try {
            visitor.get(hub.http("/demo"));
            await().atMost(PATIENCE).until(() -> (Boolean) visitor.executeScript(
                    "return !!(window.Switchboard && window.Switchboard.open);"));
            visitor.executeScript("window.Switchboard.open();");
            WebElement input = await().atMost(PATIENCE).until(() -> widgetInput(visitor), e -> e != null);
            input.sendKeys("Hello from the demo page <img src=x onerror=\"window.__pwned=1\">");
            input.sendKeys(Keys.ENTER);

            logIn(agentBrowser);
            await().atMost(PATIENCE).until(() -> agentBrowser.findElement(By.tagName("body")).getText()
                    .contains("Hello from the demo page"));
            Browser.screenshot(agentBrowser, "console-new-conversation");

            AgentApi agent = AgentApi.admin(hub);
            long conversationId = agent.conversations().get(0).path("id").asLong();
            agent.post("/api/conversations/" + conversationId + "/messages",
                    Map.of("text", "Welcome! <b>not bold</b> javascript:alert(1)")).ok();

            await().atMost(PATIENCE).until(() -> String.valueOf(visitor.executeScript(WIDGET_TEXT))
                    .contains("Welcome! <b>not bold</b>"));
            Browser.screenshot(visitor, "widget-with-reply");

            assertThat(visitor.executeScript("return window.__pwned === undefined;")).isEqualTo(true);
            assertThat(agentBrowser.executeScript("return window.__pwned === undefined;")).isEqualTo(true);
            assertThat(String.valueOf(visitor.executeScript(WIDGET_TEXT))).contains("<img src=x");
        } finally {
            visitor.quit();
            agentBrowser.quit();
        }
    }

    private void logIn(ChromeDriver browser) {
        browser.get(hub.http("/console"));
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.name("username")).isEmpty());
        browser.findElement(By.name("username")).sendKeys(Hub.ADMIN);
        browser.findElement(By.name("password")).sendKeys(Hub.PASSWORD);
        browser.findElement(By.name("password")).sendKeys(Keys.ENTER);
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().contains("/console"));
    }

    private static WebElement widgetInput(ChromeDriver driver) {
        Object found = driver.executeScript("for (const host of document.querySelectorAll('*')) {"
                + "  if (!host.shadowRoot) continue;"
                + "  const input = host.shadowRoot.querySelector('textarea, input[type=text], input:not([type])');"
                + "  if (input && input.offsetParent !== null) return input;"
                + "} return null;");
        return found instanceof WebElement element ? element : null;
    }
}
