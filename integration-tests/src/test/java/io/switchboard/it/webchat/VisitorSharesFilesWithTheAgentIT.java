package io.switchboard.it.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.it.Browser;
import io.switchboard.it.Hub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Files from the widget to the console in real Chromium: a screenshot the visitor sends shows as a
 * preview on both sides; an HTML file (allowed here on purpose) reaches the agent only as a download,
 * never as a page of the hub's origin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitorSharesFilesWithTheAgentIT {

    static final Duration PATIENCE = WidgetShadow.PATIENCE;
    /** A 4x4 red PNG. */
    static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000004000000040806000000a9f19e7e"
            + "0000001249444154789c63f8cfc0f01f1933902e00003c401fe1e08177b40000000049454e44ae426082");
    static final String PAGE = "<!DOCTYPE html><html><head><title>Pwned by an upload</title></head>"
            + "<body><script>window.opener && (window.opener.__pwned = 1)</script>Gotcha</body></html>";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profiles;
    @TempDir
    static Path files;
    @TempDir
    static Path downloads;
    Hub hub;
    ChromeDriver visitor;
    ChromeDriver agent;

    @BeforeAll
    void start() {
        if (!Browser.available()) {
            System.out.println("SKIPPED VisitorSharesFilesWithTheAgentIT: " + Browser.unavailableReason());
        }
        assumeTrue(Browser.available(), Browser.unavailableReason());
        hub = Hub.start(dataDir, Hub.Database.h2(), Map.of(
                "hub.channels.webchat.upload-types", "image/png,image/jpeg,application/pdf,text/plain,text/html"));
        visitor = Browser.open(profiles.resolve("visitor"));
        agent = Browser.open(profiles.resolve("agent"));
    }

    @AfterAll
    void stop() {
        if (visitor != null) {
            visitor.quit();
        }
        if (agent != null) {
            agent.quit();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void anImageTheVisitorSendsShowsAsAPreviewToTheAgent() throws Exception {
        Path screenshot = Files.write(files.resolve("screenshot.png"), PNG);
        WidgetShadow.openOn(visitor, hub.http("/demo"));
        await().atMost(PATIENCE).until(() -> (Boolean) visitor.executeScript("return window.__ready === true;"));

        WidgetShadow.awaitElement(visitor, "input[type=file]").sendKeys(screenshot.toAbsolutePath().toString());

        await().atMost(PATIENCE).until(() -> (Boolean) visitor.executeScript(
                "for (const host of document.querySelectorAll('*')) {"
                        + "  const img = host.shadowRoot && host.shadowRoot.querySelector('.msg.visitor img.preview');"
                        + "  if (img) return img.complete && img.naturalWidth === 4"
                        + "    && !img.closest('.msg').classList.contains('pending');"
                        + "} return false;"));
        Browser.screenshot(visitor, "widget-sent-screenshot");

        logIn();
        openConversationWith("screenshot.png");
        await().atMost(PATIENCE).until(() -> (Boolean) agent.executeScript(
                "const img = document.querySelector('#messages img.preview-image');"
                        + "return !!img && img.complete && img.naturalWidth === 4"
                        + " && img.src.includes('/api/attachments/') && img.src.endsWith('inline=true');"));
        Browser.screenshot(agent, "console-visitor-screenshot-preview");
    }

    @Test
    void anHtmlFileTheVisitorSendsIsDownloadedByTheAgentNotRendered() throws Exception {
        Path page = Files.writeString(files.resolve("invoice.html"), PAGE, StandardCharsets.UTF_8);
        WidgetShadow.openOn(visitor, hub.http("/demo"));
        await().atMost(PATIENCE).until(() -> (Boolean) visitor.executeScript("return window.__ready === true;"));
        WidgetShadow.awaitElement(visitor, "input[type=file]").sendKeys(page.toAbsolutePath().toString());
        await().atMost(PATIENCE).until(() -> WidgetShadow.text(visitor, ".msg.visitor"),
                t -> t.contains("invoice.html"));

        logIn();
        openConversationWith("invoice.html");
        String href = await().atMost(PATIENCE).until(() -> (String) agent.executeScript(
                "const a = [...document.querySelectorAll('#messages a.attachment')]"
                        + ".find(e => e.textContent.includes('invoice.html')); return a ? a.href : null;"),
                h -> h != null);
        Object headers = agent.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done(r.headers.get('content-disposition') + '|'"
                + " + r.headers.get('x-content-type-options') + '|' + r.headers.get('content-type')));", href);
        assertThat(String.valueOf(headers)).startsWith("attachment").contains("invoice.html", "|nosniff|")
                .endsWith("application/octet-stream");

        agent.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toAbsolutePath().toString()));
        String consoleTitle = agent.getTitle();
        agent.executeScript("[...document.querySelectorAll('#messages a.attachment')]"
                + ".find(e => e.textContent.includes('invoice.html')).click();");
        Path downloaded = downloads.resolve("invoice.html");
        await().atMost(PATIENCE).until(() -> Files.isRegularFile(downloaded) && Files.size(downloaded) > 0);
        assertThat(Files.readString(downloaded)).isEqualTo(PAGE);

        agent.get(href); // even typed into the address bar it is a download, not a page of the hub
        assertThat(agent.getTitle()).isEqualTo(consoleTitle).doesNotContain("Pwned");
        assertThat(agent.getCurrentUrl()).contains("/console");
        assertThat(agent.getWindowHandles()).hasSize(1);
        Browser.screenshot(agent, "console-after-html-download");
    }

    /** Opens the visitor's conversation (the only one: both tests chat from the same browser profile). */
    private void openConversationWith(String fileName) {
        await().atMost(PATIENCE).until(() -> "clicked".equals(agent.executeScript(
                "const li = document.querySelector('#conversations li');"
                        + "if (!li) return 'none'; li.click(); return 'clicked';")));
        await().atMost(PATIENCE).until(() -> String.valueOf(agent.executeScript(
                "const m = document.getElementById('messages'); return m ? m.textContent : '';")),
                t -> t.contains(fileName));
        await().atMost(PATIENCE).until(() -> agent.findElement(By.id("thread")).isDisplayed());
    }

    private void logIn() {
        agent.get(hub.http("/console"));
        await().atMost(PATIENCE).until(() -> !agent.findElements(By.name("username")).isEmpty()
                || "live".equals(agent.executeScript(
                        "const c = document.getElementById('connection'); return c && c.textContent;")));
        if (agent.findElements(By.name("username")).isEmpty()) {
            return;
        }
        agent.findElement(By.name("username")).sendKeys(Hub.ADMIN);
        agent.findElement(By.name("password")).sendKeys(Hub.PASSWORD, Keys.ENTER);
        await().atMost(PATIENCE).until(() -> "live".equals(agent.findElement(By.id("connection")).getText()));
    }
}
