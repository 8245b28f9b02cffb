package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.OutboundSender;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Files from visitors ({@code POST /webchat/uploads}) and to them (download links), over real HTTP and WebSocket. */
@SpringBootTest(classes = WebchatTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "hub.channels.webchat.account=shop",
                "hub.channels.webchat.allowed-origins=https://shop.example",
                "hub.channels.webchat.max-upload-bytes=64KB",
                "hub.channels.webchat.session-secret=0123456789abcdef0123456789abcdef-test"})
class VisitorUploadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    WebchatTestApp.RecordingGateway gateway;

    @Autowired
    AttachmentStore store;

    @Autowired
    OutboundSender sender;

    Uploads uploads;

    @BeforeEach
    void reset() {
        gateway.accepted.clear();
        uploads = new Uploads(port);
    }

    @Test
    void anUploadWithoutOrWithAForgedTokenIsRefusedWith401() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            String visitorId = client.hello(null, null).get("visitorId").asText();

            Uploads.Answer none = uploads.upload(null, null, "a.png", "image/png", Uploads.PNG, null);
            Uploads.Answer forged = uploads.upload(visitorId, "bm90LXRoZS10b2tlbg", "a.png", "image/png",
                    Uploads.PNG, null);

            assertThat(none.status()).isEqualTo(401);
            assertThat(none.body().get("message").asText()).contains("token");
            assertThat(forged.status()).isEqualTo(401);
        }
    }

    @Test
    void anUploadFromAPageOfAnotherSiteIsRefusedWith403AndAListedSiteMayUpload() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            JsonNode welcome = client.hello(null, null);
            String id = welcome.get("visitorId").asText();
            String token = welcome.get("token").asText();

            Uploads.Answer evil = uploads.upload(id, token, "a.png", "image/png", Uploads.PNG, "https://evil.example");
            Uploads.Answer shop = uploads.upload(id, token, "a.png", "image/png", Uploads.PNG, "https://shop.example");

            assertThat(evil.status()).isEqualTo(403); // refused by the CORS check, before the upload is read
            assertThat(shop.status()).isEqualTo(201);
            assertThat(shop.raw().headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndAReason() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            JsonNode welcome = client.hello(null, null);
            byte[] big = new byte[65 * 1024];
            System.arraycopy(Uploads.PNG, 0, big, 0, Uploads.PNG.length);

            Uploads.Answer answer = uploads.upload(welcome.get("visitorId").asText(), welcome.get("token").asText(),
                    "big.png", "image/png", big, null);

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body().get("code").asText()).isEqualTo("too_large");
            assertThat(answer.body().get("message").asText()).contains("64 KB");
        }
    }

    @Test
    void htmlAndSvgRenamedAsPngAreRefusedWith415ByTheirBytes() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            JsonNode welcome = client.hello(null, null);
            String id = welcome.get("visitorId").asText();
            String token = welcome.get("token").asText();

            Uploads.Answer html = uploads.upload(id, token, "cat.png", "image/png", Uploads.HTML, null);
            Uploads.Answer svg = uploads.upload(id, token, "dog.png", "image/png", Uploads.SVG, null);
            Uploads.Answer exe = uploads.upload(id, token, "report.pdf", "application/pdf",
                    "MZ\u0090\u0000binary".getBytes(StandardCharsets.ISO_8859_1), null);

            assertThat(html.status()).isEqualTo(415);
            assertThat(html.body().get("code").asText()).isEqualTo("unsupported_type");
            assertThat(html.body().get("message").asText()).contains("text/html");
            assertThat(svg.status()).isEqualTo(415);
            assertThat(svg.body().get("message").asText()).contains("image/svg+xml");
            assertThat(exe.status()).isEqualTo(415);
        }
    }

    @Test
    void anImageAndAnOfficeFileReachTheInboxAsAttachmentsOfTheNextMessage() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            JsonNode welcome = client.hello(null, null);
            String id = welcome.get("visitorId").asText();
            String token = welcome.get("token").asText();
            Uploads.Answer image = uploads.upload(id, token, "screenshot.png", "image/png", Uploads.PNG, null);
            Uploads.Answer docx = uploads.upload(id, token, "order.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx(), null);
            assertThat(image.status()).isEqualTo(201);
            assertThat(docx.status()).isEqualTo(201);
            assertThat(image.body().get("type").asText()).isEqualTo("image/png");

            client.send(JSON.createObjectNode().put("type", "message").put("clientId", "c1")
                    .put("text", "See attached").set("attachments", JSON.createArrayNode()
                            .add(image.body().get("ticket").asText()).add(docx.body().get("ticket").asText()))
                    .toString());
            client.next("ack");

            InboundMessage message = gateway.accepted.get(0);
            assertThat(message.text()).isEqualTo("See attached");
            assertThat(message.attachments()).extracting(AttachmentRef::name, AttachmentRef::contentType)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("screenshot.png", "image/png"),
                            org.assertj.core.groups.Tuple.tuple("order.docx",
                                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
            AttachmentRef png = message.attachments().get(0);
            assertThat(png.size()).isEqualTo(Uploads.PNG.length);
            try (InputStream in = store.open(png.storageKey()).orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo(Uploads.PNG);
            }
        }
    }

    @Test
    void aFileAloneIsAMessageButAnotherVisitorsUploadCannotBeReferenced() throws Exception {
        try (TestClient alice = TestClient.connect(port, null); TestClient mallory = TestClient.connect(port, null)) {
            JsonNode welcome = alice.hello(null, null);
            mallory.hello(null, null);
            String ticket = uploads.upload(welcome.get("visitorId").asText(), welcome.get("token").asText(),
                    "private.png", "image/png", Uploads.PNG, null).body().get("ticket").asText();

            mallory.send(JSON.createObjectNode().put("type", "message").put("clientId", "steal")
                    .set("attachments", JSON.createArrayNode().add(ticket)).toString());
            JsonNode refused = mallory.next("error");
            alice.send(JSON.createObjectNode().put("type", "message").put("clientId", "mine")
                    .set("attachments", JSON.createArrayNode().add(ticket)).toString());
            alice.next("ack");

            assertThat(refused.get("code").asText()).isEqualTo("invalid_attachment");
            assertThat(refused.get("clientId").asText()).isEqualTo("steal");
            assertThat(gateway.accepted).hasSize(1);
            assertThat(gateway.accepted.get(0).customer().address()).isEqualTo(welcome.get("visitorId").asText());
            assertThat(gateway.accepted.get(0).text()).isNull();
        }
    }

    @Test
    void aFileFromAnAgentIsADownloadLinkServedAsAttachmentWithNosniff() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            String visitorId = client.hello(null, null).get("visitorId").asText();
            AttachmentRef page = store.store("invoice.html", "text/html", new ByteArrayInputStream(Uploads.HTML));

            sender.send(new OutboundMessage(UUID.randomUUID(), 7, new ChannelAddress(ChannelType.WEBCHAT, "shop",
                    visitorId), "Your invoice", null, List.of(page), null, null, "Ada", Instant.now()));
            JsonNode frame = client.next("message");
            JsonNode file = frame.get("attachments").get(0);
            HttpResponse<byte[]> download = uploads.get(file.get("url").asText());
            String url = file.get("url").asText();
            HttpResponse<byte[]> tampered = uploads.get(url.substring(0, url.length() - 3) + "AAA");

            assertThat(file.get("name").asText()).isEqualTo("invoice.html");
            assertThat(url).startsWith("webchat/files/");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment").contains("invoice.html");
            assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(download.headers().firstValue("Content-Type").orElseThrow())
                    .isEqualTo("application/octet-stream");
            assertThat(download.body()).isEqualTo(Uploads.HTML);
            assertThat(tampered.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anUploadTicketIsNoDownloadLink() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            JsonNode welcome = client.hello(null, null);
            String ticket = uploads.upload(welcome.get("visitorId").asText(), welcome.get("token").asText(),
                    "a.png", "image/png", Uploads.PNG, null).body().get("ticket").asText();

            assertThat(uploads.get("webchat/files/" + ticket).statusCode()).isEqualTo(404);
        }
    }

    private static byte[] docx() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
