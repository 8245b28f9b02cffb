package io.switchboard.webchat;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.spi.AttachmentStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.WebUtils;

/**
 * Files to and from visitors. {@code POST /webchat/uploads}: a visitor (proved by the signed token of
 * the WebSocket's {@code welcome}) uploads one file; its type is judged by its bytes, it is kept in
 * the {@link AttachmentStore}, and the answer is a ticket the visitor's next {@code message} frame
 * names. {@code GET /webchat/files/{ticket}}: a file an agent sent, only by the link the visitor got;
 * always a download, never rendered by the browser.
 */
@RestController
final class UploadController {

    static final String UPLOADS = "/webchat/uploads";
    static final String FILES = "/webchat/files/";

    private static final Logger log = LoggerFactory.getLogger(UploadController.class);

    private final WebchatProperties properties;
    private final VisitorTokens tokens;
    private final AttachmentTickets tickets;
    private final UploadTypes types;
    private final ObjectProvider<AttachmentStore> store;

    UploadController(WebchatProperties properties, VisitorTokens tokens, AttachmentTickets tickets,
                     ObjectProvider<AttachmentStore> store) {
        this.properties = properties;
        this.tokens = tokens;
        this.tickets = tickets;
        this.types = new UploadTypes(properties.uploadTypes());
        this.store = store;
    }

    @PostMapping(UPLOADS)
    ResponseEntity<Map<String, Object>> upload(HttpServletRequest request,
                                               @RequestParam(required = false) String visitorId,
                                               @RequestParam(required = false) String token,
                                               @RequestParam(required = false) MultipartFile file) throws IOException {
        if (!originAllowed(request)) {
            return error(HttpStatus.FORBIDDEN, "origin_refused", "This site may not upload to the chat: add its"
                    + " origin to hub.channels.webchat.allowed-origins.");
        }
        if (!tokens.isValid(visitorId, token)) {
            return error(HttpStatus.UNAUTHORIZED, "unauthorized", "Send the visitorId and token of the chat's"
                    + " welcome frame with the upload.");
        }
        if (file == null || file.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "malformed", "Send the file as multipart field \"file\"; an"
                    + " empty file cannot be sent.");
        }
        long limit = properties.maxUploadBytes().toBytes();
        if (file.getSize() > limit) {
            return tooLarge(limit);
        }
        byte[] head;
        try (InputStream in = file.getInputStream()) {
            head = in.readNBytes(UploadTypes.HEAD_BYTES);
        }
        Optional<String> type = types.accept(head, file.getContentType(), file.getOriginalFilename());
        if (type.isEmpty()) {
            return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_type", "Files of this type ("
                    + types.detect(head) + ") cannot be sent in the chat; send an image, a PDF, a text or an"
                    + " office document.");
        }
        AttachmentStore attachments = store.getIfAvailable();
        if (attachments == null) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "This hub keeps no attachments.");
        }
        AttachmentRef stored;
        try (InputStream in = file.getInputStream()) {
            stored = attachments.store(file.getOriginalFilename(), type.get(), in, limit);
        } catch (AttachmentStore.AttachmentTooLargeException e) {
            return tooLarge(limit);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticket", tickets.issue(AttachmentTickets.Purpose.UPLOAD, visitorId, stored));
        body.put("name", stored.name());
        body.put("type", stored.contentType());
        body.put("size", stored.size());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @GetMapping(FILES + "{ticket}")
    ResponseEntity<?> download(@PathVariable String ticket) throws IOException {
        Optional<AttachmentTickets.Ticket> read = tickets.readDownload(ticket);
        AttachmentStore attachments = store.getIfAvailable();
        Optional<InputStream> content = read.isEmpty() || attachments == null ? Optional.empty()
                : attachments.open(read.get().ref().storageKey());
        if (content.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "not_found", "No such file: use the link the chat showed.");
        }
        AttachmentRef ref = read.get().ref();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ref.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore())
                .body(new InputStreamResource(content.get()));
    }

    /** The same rule as the WebSocket handshake: the hub's own pages, listed sites, or any with "*". */
    private boolean originAllowed(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || properties.anyOrigin() || properties.allowedOrigins().contains(origin)) {
            return true;
        }
        boolean same = WebUtils.isSameOrigin(new ServletServerHttpRequest(request));
        if (!same) {
            log.debug("Web-chat upload from origin {} refused", origin);
        }
        return same;
    }

    private ResponseEntity<Map<String, Object>> tooLarge(long limit) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "The file is larger than "
                + humanSize(limit) + "; send a smaller one.");
    }

    static String humanSize(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes >= 1024 ? (bytes / 1024) + " KB" : bytes + " bytes";
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("code", code);
        body.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
