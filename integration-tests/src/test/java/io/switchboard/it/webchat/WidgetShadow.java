package io.switchboard.it.webchat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** Reaches into the widget's Shadow DOM from a Selenium test. */
final class WidgetShadow {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private WidgetShadow() {
    }

    /**
     * Loads a page with the widget and opens the chat window. A {@code ready} handler is queued before
     * the page's own scripts run (the documented {@code Switchboard.q}), so the welcome is never
     * missed: {@code window.__ready} and {@code window.__visitorId} are set once it arrived.
     */
    static void openOn(ChromeDriver driver, String url) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.Switchboard = { q: [['on', 'ready', function (d) {"
                        + " window.__ready = true; window.__visitorId = d.visitorId; }]] };"));
        driver.get(url);
        await().atMost(PATIENCE).until(() -> (Boolean) driver.executeScript(
                "return !!(window.Switchboard && window.Switchboard.open);"));
        driver.executeScript("window.Switchboard.open();");
    }

    /** The first element matching {@code css} inside the widget, or null. */
    static WebElement find(ChromeDriver driver, String css) {
        Object found = driver.executeScript("for (const host of document.querySelectorAll('*')) {"
                + "  const e = host.shadowRoot && host.shadowRoot.querySelector(arguments[0]);"
                + "  if (e) return e;"
                + "} return null;", css);
        return found instanceof WebElement element ? element : null;
    }

    static WebElement awaitElement(ChromeDriver driver, String css) {
        return org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> find(driver, css), e -> e != null);
    }

    /** The text of the visible parts of the widget matching {@code css}, joined by newlines. */
    static String text(ChromeDriver driver, String css) {
        return String.valueOf(driver.executeScript("const out = [];"
                + "for (const host of document.querySelectorAll('*')) {"
                + "  if (!host.shadowRoot) continue;"
                + "  host.shadowRoot.querySelectorAll(arguments[0]).forEach(e => {"
                + "    if (e.offsetParent !== null) out.push(e.textContent); });"
                + "} return out.join('\\n');", css));
    }
}
