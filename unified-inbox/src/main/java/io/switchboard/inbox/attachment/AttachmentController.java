package io.switchboard.inbox.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.security.HubUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of customer attachments. Customer files are never rendered by the browser as a page:
 * always {@code nosniff} and a sandboxing CSP; a download by default; shown inline only for raster
 * images (previews) — never HTML, SVG or XML, which could run script.
 */
@RestController
@Tag(name = "Attachments")
class AttachmentController {

    private static final Set<String> PREVIEWABLE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final AttachmentRepository attachments;
    private final AttachmentStore store;

    AttachmentController(AttachmentRepository attachments, AttachmentStore store) {
        this.attachments = attachments;
        this.store = store;
    }

    @GetMapping("/api/attachments/{id}")
    @Operation(summary = "Download an attachment (inline=true previews PNG, JPEG, GIF and WebP images)")
    ResponseEntity<InputStreamResource> download(@PathVariable long id,
                                                 @RequestParam(defaultValue = "false") boolean inline,
                                                 @AuthenticationPrincipal HubUser user)
            throws IOException {
        AttachmentRepository.Stored stored = attachments.find(id)
                .filter(s -> s.unsentUploadOf() == null || s.unsentUploadOf().equals(user.getUsername()))
                .orElseThrow(() -> ApiException.notFound("No attachment " + id));
        InputStream content = store.open(stored.storageKey())
                .orElseThrow(() -> ApiException.notFound("Attachment " + id + " is listed but its file is missing"
                        + " from the attachment store; restore hub.attachments.dir from backup"));
        String type = stored.contentType() == null ? "" : stored.contentType().toLowerCase().split(";")[0].trim();
        boolean preview = inline && PREVIEWABLE.contains(type);
        ContentDisposition disposition = (preview ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(stored.name(), java.nio.charset.StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(preview ? MediaType.parseMediaType(type) : MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(stored.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new InputStreamResource(content));
    }
}
