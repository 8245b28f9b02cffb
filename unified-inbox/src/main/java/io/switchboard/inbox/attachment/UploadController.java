package io.switchboard.inbox.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inbox.api.ApiError;
import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Agents upload a file first, then send it with a reply ({@code "attachments": [id]}). */
@RestController
@Tag(name = "Attachments")
class UploadController {

    private final Uploads uploads;

    UploadController(Uploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping("/api/attachments")
    @Operation(summary = "Upload a file to send with a reply (multipart/form-data, part 'file')",
            description = "201 with {id, name, contentType, size, url}; the type is detected from the content."
                    + " 413 over hub.inbox.uploads.max-size, 415 a type not in hub.inbox.uploads.allowed-types.")
    ResponseEntity<Uploads.Upload> upload(HttpServletRequest request, @AuthenticationPrincipal HubUser user)
            throws IOException {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Send the file as multipart/form-data in a part named 'file'");
        }
        MultipartFile file = multipart.getFile("file");
        if (file == null) {
            throw ApiException.invalid("The part 'file' is missing: send the file as multipart/form-data in a part"
                    + " named 'file'");
        }
        Uploads.Upload upload = uploads.upload(user.getUsername(), file.getOriginalFilename(), file.getSize(),
                file::getInputStream);
        return ResponseEntity.created(URI.create(upload.url())).body(upload);
    }

    @DeleteMapping("/api/attachments/{id}")
    @Operation(summary = "Discard an upload of yours that no reply carries yet")
    ResponseEntity<Void> discard(@PathVariable long id, @AuthenticationPrincipal HubUser user) {
        if (!uploads.discard(user.getUsername(), id)) {
            throw ApiException.notFound("No unsent upload " + id + " of yours");
        }
        return ResponseEntity.noContent().build();
    }

    /** The web server's multipart limit (see {@link io.switchboard.core.attachments.MultipartLimits}) is checked before any controller. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class TooLarge {

        private final Uploads uploads;

        TooLarge(Uploads uploads) {
            this.uploads = uploads;
        }

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiError.of(413, "payload_too_large",
                    "The upload is larger than the web server accepts (spring.servlet.multipart.max-file-size);"
                            + " agents may send files up to " + uploads.maxBytes()
                            + " bytes (hub.inbox.uploads.max-size)"));
        }
    }
}
