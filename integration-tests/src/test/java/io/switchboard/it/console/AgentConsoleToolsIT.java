package io.switchboard.it.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.it.Browser;
import io.switchboard.it.Hub;
import io.switchboard.it.Inbox;
import io.switchboard.it.Visitor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * The console's working tools, in a real Chromium where a browser is needed: files sent with a reply
 * reach the web-chat visitor, unread badges, server-side search, the canned-responses screen; and
 * the API behind them refusing bad input clearly (400/401/403/404/413/415).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentConsoleToolsIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String MANUAL = "Step 1: plug it in.\nStep 2: switch it on.\n";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profiles;
    @TempDir
    static Path files;
    Hub hub;
    Inbox inbox;
    Agents admin;
    ChromeDriver browser;

    @BeforeAll
    void start() {
        hub = Hub.start(dataDir, Hub.Database.h2(), Map.of("hub.inbox.uploads.max-size", "64KB"));
        inbox = new Inbox(hub);
        admin = Agents.admin(hub);
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
    void aFileAnAgentUploadsTravelsWithTheReplyToTheVisitorOnce() {
        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.say("Can you send me the manual?");
            long conversation = inbox.conversationOf(visitor.visitorId);
            JsonNode upload = admin.upload("manual.txt", MANUAL.getBytes(StandardCharsets.UTF_8)).ok();
            assertThat(upload.path("contentType").asText()).isEqualTo("text/plain");
            assertThat(upload.path("size").asLong()).isEqualTo(MANUAL.length());

            JsonNode options = admin.get("/api/conversations/" + conversation + "/reply-options").ok();
            assertThat(options.path("channel").asText()).isEqualTo("WEBCHAT");
            assertThat(options.path("freeText").asBoolean()).isTrue();
            assertThat(options.path("attachments").asBoolean()).isTrue();

            JsonNode reply = admin.post("/api/conversations/" + conversation + "/messages", Map.of("text", "Here it is",
                    "attachments", List.of(upload.path("id").asLong()))).ok();
            assertThat(reply.path("attachments").get(0).path("name").asText()).isEqualTo("manual.txt");
            JsonNode frame = visitor.await(f -> "message".equals(f.path("type").asText())
                    && "Here it is".equals(f.path("text").asText()), PATIENCE);
            assertThat(frame.path("attachments")).hasSize(1);
            assertThat(frame.path("attachments").get(0).path("name").asText()).isEqualTo("manual.txt");
            assertThat(frame.path("attachments").get(0).path("size").asLong()).isEqualTo(MANUAL.length());
            assertThat(frame.path("attachments").get(0).has("storageKey")).isFalse();

            Agents.Answer download = admin.get(reply.path("attachments").get(0).path("url").asText());
            assertThat(download.body()).isEqualTo(MANUAL);
            assertThat(download.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(download.raw().headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");

            Agents.Answer again = admin.post("/api/conversations/" + conversation + "/messages", Map.of("text", "Again",
                    "attachments", List.of(upload.path("id").asLong())));
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.json().path("message").asText()).contains("not unsent uploads of yours");
        }
    }

    @Test
    void uploadsAndConsoleCallsRefuseBadInputWithAClearReason() {
        Agents.Answer json = admin.post("/api/attachments", Map.of("file", "x"));
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.json().path("message").asText()).contains("multipart/form-data");

        Agents.Answer noPart = admin.multipartWithout("document");
        assertThat(noPart.status()).isEqualTo(400);
        assertThat(noPart.json().path("message").asText()).contains("'file'");

        Agents.Answer disguised = admin.upload("cat.png", "<!DOCTYPE html><html><body><script>alert(1)</script>"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(disguised.status()).isEqualTo(415);
        assertThat(disguised.json().path("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(disguised.json().path("message").asText()).contains("text/html").contains("image/png");

        Agents.Answer svg = admin.upload("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(svg.status()).isEqualTo(415);

        Agents.Answer tooLarge = admin.upload("big.txt", "x".repeat(70 * 1024).getBytes(StandardCharsets.UTF_8));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().path("error").asText()).isEqualTo("payload_too_large");
        assertThat(tooLarge.json().path("message").asText()).contains("hub.inbox.uploads.max-size");

        Agents.Answer empty = admin.upload("empty.txt", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);

        // without credentials (so without a CSRF token either) nothing is stored or served
        assertThat(Agents.anonymous(hub).upload("a.txt", "a".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(403);
        assertThat(Agents.anonymous(hub).get("/api/conversations/1/reply-options").status()).isEqualTo(401);

        Agents ben = Agents.create(hub, "ben", "Ben Agent");
        long bensUpload = ben.upload("ben.txt", "Ben's notes".getBytes(StandardCharsets.UTF_8)).ok().path("id").asLong();
        assertThat(admin.get("/api/attachments/" + bensUpload).status()).isEqualTo(404);
        assertThat(ben.get("/api/attachments/" + bensUpload).body()).isEqualTo("Ben's notes");
        assertThat(admin.delete("/api/attachments/" + bensUpload).status()).isEqualTo(404);
        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.say("Bad input test");
            long conversation = inbox.conversationOf(visitor.visitorId);
            Agents.Answer notMine = admin.post("/api/conversations/" + conversation + "/messages",
                    Map.of("text", "Take this", "attachments", List.of(bensUpload)));
            assertThat(notMine.status()).isEqualTo(400);
            assertThat(admin.post("/api/conversations/" + conversation + "/messages",
                    "{\"text\":\"x\",\"attachments\":[\"abc\"]}").status()).isEqualTo(400);
            assertThat(admin.get("/api/conversations/" + conversation + "/reply-options?channel=SMS").status())
                    .isEqualTo(400);
            assertThat(admin.get("/api/conversations/" + conversation
                    + "/reply-options?channel=SMS&address=%2B15550001111").status()).isEqualTo(400);
            assertThat(inbox.texts(conversation)).containsExactly("Bad input test");
        }
        assertThat(ben.delete("/api/attachments/" + bensUpload).status()).isEqualTo(204);
        assertThat(ben.get("/api/attachments/" + bensUpload).status()).isEqualTo(404);

        assertThat(admin.get("/api/conversations?channel=PIGEON").status()).isEqualTo(400);
        assertThat(admin.get("/api/conversations?q=" + "x".repeat(201)).status()).isEqualTo(400);
        assertThat(admin.post("/api/conversations/999999/read", Map.of()).status()).isEqualTo(404);
        assertThat(admin.get("/api/conversations/999999/reply-options").status()).isEqualTo(404);
        assertThat(admin.get("/api/conversations/999999/reply-options").json().path("error").asText())
                .isEqualTo("not_found");
    }

    @Test
    void anAgentAttachesAFileInTheConsoleAndTheVisitorReceivesIt() throws Exception {
        assumeBrowser();
        Path manual = Files.writeString(files.resolve("manual.txt"), MANUAL);
        Path draft = Files.writeString(files.resolve("draft.txt"), "not this one");
        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.say("Please send the warranty paper");
            logIn();
            open("warranty paper");
            WebElement picker = browser.findElement(By.id("reply-file"));
            picker.sendKeys(manual.toString());
            await().atMost(PATIENCE).until(() -> text("#reply-files"), t -> t.contains("manual.txt (42 B)"));
            picker.sendKeys(draft.toString());
            await().atMost(PATIENCE).until(() -> text("#reply-files"), t -> t.contains("draft.txt (12 B)"));
            browser.findElement(By.cssSelector("#reply-files button[title='Remove draft.txt']")).click();
            await().atMost(PATIENCE).until(() -> text("#reply-files"), t -> !t.contains("draft.txt"));
            Browser.screenshot(browser, "console-reply-with-file");
            assertThat(text("#visitor-context")).contains("Page", "https://shop.example/checkout", "Language",
                    "Location", "London, Europe (from the time zone)", "Time zone", "Europe/London");
            visitor.send(Map.of("type", "context", "context", Map.of("page.url", "https://shop.example/warranty",
                    "page.title", "Warranty")));
            await().atMost(PATIENCE).until(() -> text("#visitor-context"),
                    t -> t.contains("https://shop.example/warranty") && t.contains("Warranty"));

            WebElement box = browser.findElement(By.id("reply-text"));
            box.sendKeys("Your warranty paper");
            box.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

            JsonNode frame = visitor.await(f -> "message".equals(f.path("type").asText())
                    && "Your warranty paper".equals(f.path("text").asText()), PATIENCE);
            assertThat(frame.path("attachments")).extracting(a -> a.path("name").asText())
                    .containsExactly("manual.txt");
            await().atMost(PATIENCE).until(() -> text("#messages .message.outbound"),
                    t -> t.contains("📎 manual.txt (42 B)"));
            assertThat(text("#reply-files")).isEmpty();

            Object status = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "const body = new FormData(); body.append('file', new Blob(['hi'], {type: 'text/plain'}), 'a.txt');"
                    + "fetch('/api/attachments', {method: 'POST', body, headers: {'X-Requested-With': 'XMLHttpRequest'}})"
                    + ".then(r => r.json().then(j => done(r.status + ' ' + j.error)));");
            assertThat(status).isEqualTo("403 forbidden");
        }
    }

    @Test
    void anUnreadBadgeShowsNewCustomerMessagesAndClearsWhenOpened() {
        assumeBrowser();
        logIn();
        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.say("Unread check one");
            await().atMost(PATIENCE).until(() -> badgeOf("Unread check one"), "1"::equals);
            visitor.say("Unread check two");
            await().atMost(PATIENCE).until(() -> badgeOf("Unread check two"), "2"::equals);
            long conversation = inbox.conversationOf(visitor.visitorId);
            assertThat(unreadFor(conversation)).isEqualTo(2);
            Browser.screenshot(browser, "console-unread-badge");

            open("Unread check two");
            await().atMost(PATIENCE).until(() -> badgeOf("Unread check two"), ""::equals);
            await().atMost(PATIENCE).until(() -> unreadFor(conversation), n -> n == 0);
            visitor.say("Unread check three");
            await().atMost(PATIENCE).until(() -> text("#messages"), t -> t.contains("Unread check three"));
            assertThat(badgeOf("Unread check three")).isEmpty();
            await().atMost(PATIENCE).until(() -> unreadFor(conversation), n -> n == 0);
        }
    }

    @Test
    void searchFindsAConversationByTheTextOfAnEarlierMessage() {
        assumeBrowser();
        logIn();
        try (Visitor target = Visitor.arrive(hub); Visitor other = Visitor.arrive(hub)) {
            target.say("My pineapple slicer is broken");
            target.say("Thanks in advance");
            other.say("Something else entirely");
            long wanted = inbox.conversationOf(target.visitorId);
            inbox.conversationOf(other.visitorId);
            await().atMost(PATIENCE).until(() -> text("#conversations"), t -> t.contains("Something else entirely"));

            browser.findElement(By.id("search")).sendKeys("PINEAPPLE");
            await().atMost(PATIENCE).until(() -> script("return [...document.querySelectorAll('#conversations li')]"
                    + ".map(li => li.dataset.id).join(',');"), ids -> ids.equals(String.valueOf(wanted)));
            assertThat(text("#conversations")).contains("Thanks in advance").doesNotContain("pineapple");
            Browser.screenshot(browser, "console-search");

            browser.findElement(By.tagName("body")).click();
            browser.findElement(By.tagName("body")).sendKeys("j");
            await().atMost(PATIENCE).until(() -> text("#messages"), t -> t.contains("My pineapple slicer is broken"));

            WebElement search = browser.findElement(By.id("search"));
            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            await().atMost(PATIENCE).until(() -> text("#conversations"), t -> t.contains("Something else entirely"));
        }
    }

    @Test
    void anAgentCreatesEditsAndUsesACannedResponseInTheConsole() {
        assumeBrowser();
        logIn();
        browser.findElement(By.id("manage-canned")).click();
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("canned-dialog")).isDisplayed());
        browser.findElement(By.id("canned-shortcut")).sendKeys("warranty");
        browser.findElement(By.id("canned-text")).sendKeys("Hi {{contact.name}}, the warranty is 2 years.");
        browser.findElement(By.id("canned-shared")).click();
        browser.findElement(By.id("canned-save")).click();
        await().atMost(PATIENCE).until(() -> text("#canned-rows"), t -> t.contains("/warranty")
                && t.contains("the warranty is 2 years") && t.contains("everyone (shared)"));

        browser.findElement(By.cssSelector("#canned-rows button[title='Edit /warranty']")).click();
        WebElement textField = browser.findElement(By.id("canned-text"));
        textField.clear();
        textField.sendKeys("Hi {{contact.name}}, the warranty is 3 years. {{agent.name}}");
        browser.findElement(By.id("canned-save")).click();
        await().atMost(PATIENCE).until(() -> text("#canned-rows"), t -> t.contains("3 years"));
        Browser.screenshot(browser, "console-canned-responses");

        browser.findElement(By.id("canned-shortcut")).sendKeys("oops");
        browser.findElement(By.id("canned-text")).sendKeys("to be deleted");
        browser.findElement(By.id("canned-save")).click();
        await().atMost(PATIENCE).until(() -> text("#canned-rows"), t -> t.contains("/oops"));
        browser.executeScript("window.confirm = () => true;");
        browser.findElement(By.cssSelector("#canned-rows button[title='Delete /oops']")).click();
        await().atMost(PATIENCE).until(() -> text("#canned-rows"), t -> !t.contains("/oops"));
        browser.findElement(By.id("canned-close")).click();

        JsonNode saved = admin.get("/api/canned-responses").ok();
        assertThat(saved).anySatisfy(r -> {
            assertThat(r.path("shortcut").asText()).isEqualTo("warranty");
            assertThat(r.path("shared").asBoolean()).isTrue();
        });
        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.say("How long is the warranty?");
            open("How long is the warranty");
            WebElement box = browser.findElement(By.id("reply-text"));
            box.sendKeys("/warr");
            await().atMost(PATIENCE).until(() -> text("#canned-suggestions li"), t -> t.contains("/warranty"));
            box.sendKeys(Keys.TAB);
            String filled = await().atMost(PATIENCE).until(() -> box.getAttribute("value"),
                    v -> v.contains("3 years"));
            assertThat(filled).startsWith("Hi Visitor ").endsWith("the warranty is 3 years. Administrator");
            box.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
            visitor.await(f -> "message".equals(f.path("type").asText()) && f.path("text").asText().equals(filled),
                    PATIENCE);
        }
    }

    @Test
    void anAgentSetsTheirStatusAndAssignsTakesAndTransfersFromTheThread() {
        assumeBrowser();
        Agents.create(hub, "cara", "Cara Agent");
        logIn();
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("my-status")).isDisplayed());
        assertThat(script("return document.getElementById('my-status').value;")).isEqualTo("online");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("my-status"))).selectByValue("away");
        await().atMost(PATIENCE).until(() -> admin.get("/api/me/status").ok().path("status").asText(), "away"::equals);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("my-status"))).selectByValue("online");
        await().atMost(PATIENCE).until(() -> admin.get("/api/me/status").ok().path("status").asText(), "online"::equals);

        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.say("Routing check please");
            long conversation = inbox.conversationOf(visitor.visitorId);
            open("Routing check please");
            // routing may already have given it to anyone online: move it to cara, take it, hand it back
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("assign-agent"))).selectByValue("cara");
            browser.findElement(By.id("assign")).click();
            await().atMost(PATIENCE).until(() -> text("#assignee"), "Assigned to Cara Agent"::equals);
            browser.findElement(By.id("take")).click();
            await().atMost(PATIENCE).until(() -> text("#assignee"), "Assigned to Administrator"::equals);
            assertThat(admin.get("/api/conversations/" + conversation).ok().path("assignee").path("username").asText())
                    .isEqualTo(Hub.ADMIN);
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("assign-agent"))).selectByValue("cara");
            browser.findElement(By.id("assign")).click();
            await().atMost(PATIENCE).until(() -> text("#messages .system-event"),
                    t -> t.contains("Assigned to admin in default by admin") && t.contains("Assigned to cara in default by admin"));
            browser.findElement(By.id("take")).click();
            await().atMost(PATIENCE).until(() -> text("#assignee"), "Assigned to Administrator"::equals);

            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("assignee-filter"))).selectByValue("me");
            await().atMost(PATIENCE).until(() -> text("#conversations"), t -> t.contains("Routing check please"));
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("assignee-filter")))
                    .selectByValue("none");
            await().atMost(PATIENCE).until(() -> text("#conversations"), t -> !t.contains("Routing check please"));
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("assignee-filter"))).selectByValue("");

            browser.findElement(By.id("transfer")).click();
            await().atMost(PATIENCE).until(() -> text("#messages .system-event"),
                    t -> t.contains("Transferred to team"));
            browser.findElement(By.id("toggle-status")).click();
            await().atMost(PATIENCE).until(() -> text("#messages .system-event"), t -> t.contains("Resolved by admin"));
            assertThat(script("const e = document.querySelector('#messages .system-event');"
                    + "return getComputedStyle(e).fontStyle;")).isEqualTo("italic");
            Browser.screenshot(browser, "console-routing");
        }
    }

    private long unreadFor(long conversation) {
        for (JsonNode c : admin.get("/api/conversations").ok()) {
            if (c.path("id").asLong() == conversation) {
                return c.path("unread").asLong();
            }
        }
        throw new AssertionError("conversation " + conversation + " is not listed");
    }

    /** The unread badge's text on the list entry showing {@code text}; empty when it has none. */
    private String badgeOf(String text) {
        return script("const li = [...document.querySelectorAll('#conversations li')]"
                + ".find(e => e.textContent.includes(arguments[0]));"
                + "const badge = li && li.querySelector('.badge.unread'); return badge ? badge.textContent : '';", text);
    }

    private void assumeBrowser() {
        if (!Browser.available()) {
            System.out.println("SKIPPED browser part of AgentConsoleToolsIT: " + Browser.unavailableReason());
        }
        assumeTrue(Browser.available(), Browser.unavailableReason());
        if (browser == null) {
            browser = Browser.open(profiles.resolve("agent"));
        }
    }

    /** Clicks the conversation whose list entry shows {@code text}, once it appears. */
    private void open(String text) {
        await().atMost(PATIENCE).until(() -> "clicked".equals(browser.executeScript(
                "const li = [...document.querySelectorAll('#conversations li')]"
                        + ".find(e => e.textContent.includes(arguments[0]));"
                        + "if (!li) return 'none'; li.click(); return 'clicked';", text)));
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("thread")).isDisplayed()
                && text("#messages").contains(text));
    }

    /**
     * A reply's answer, its {@code message.created} and its {@code message.status_changed} reach the
     * console in whatever order the network delivers them; the tick shown must never go back. Checked
     * with the console's own module in the real browser, in every order that can happen.
     */
    @Test
    void aDeliveryTickNeverGoesBackWhenUpdatesArriveOutOfOrder() {
        assumeBrowser();
        logIn();
        Object shown = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/console/thread.js').then(({ latest }) => {"
                + "  const m = (status) => ({ id: 7, status });"
                + "  const apply = (...states) => states.map(m).reduce((known, next) => latest(known, next), undefined).status;"
                + "  done([apply('SENT', 'QUEUED'), apply('QUEUED', 'SENT'), apply('READ', 'DELIVERED', 'SENT'),"
                + "    apply('DELIVERED', 'FAILED'), apply('FAILED', 'QUEUED', 'READ'), apply('QUEUED', 'QUEUED')].join(' '));"
                + "}, (e) => done('import failed: ' + e));");
        assertThat(shown).isEqualTo("SENT SENT READ FAILED FAILED QUEUED");
    }

    private String text(String css) {
        return script("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText).join('\\n');", css);
    }

    private String script(String js, Object... args) {
        return String.valueOf(browser.executeScript(js, args));
    }

    /** Opens the console afresh, logging in unless this browser's session already is. */
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
