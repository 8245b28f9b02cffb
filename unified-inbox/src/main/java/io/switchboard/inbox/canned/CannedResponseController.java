package io.switchboard.inbox.canned;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inbox.security.HubUser;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Agent API: canned responses (the user's own and every shared one). */
@RestController
@Tag(name = "Canned responses")
class CannedResponseController {

    private final CannedResponses canned;

    CannedResponseController(CannedResponses canned) {
        this.canned = canned;
    }

    @GetMapping("/api/canned-responses")
    @Operation(summary = "Your canned responses and every shared one, by shortcut")
    List<CannedResponse> list(@AuthenticationPrincipal HubUser user) {
        return canned.visibleTo(user.getUsername());
    }

    @PostMapping("/api/canned-responses")
    @Operation(summary = "Create a canned response", description = "Body {\"shortcut\",\"text\",\"shared\"};"
            + " text may use {{contact.name}} and {{agent.name}}.")
    ResponseEntity<CannedResponse> create(@AuthenticationPrincipal HubUser user,
                                          @RequestBody(required = false) CannedResponses.Draft body) {
        CannedResponse created = canned.create(user.getUsername(), body);
        return ResponseEntity.created(URI.create("/api/canned-responses/" + created.id())).body(created);
    }

    @PutMapping("/api/canned-responses/{id}")
    @Operation(summary = "Edit a canned response (its owner or an admin)")
    CannedResponse update(@AuthenticationPrincipal HubUser user, @PathVariable long id,
                          @RequestBody(required = false) CannedResponses.Draft body) {
        return canned.update(user.getUsername(), isAdmin(user), id, body);
    }

    @DeleteMapping("/api/canned-responses/{id}")
    @Operation(summary = "Delete a canned response (its owner or an admin)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        canned.delete(user.getUsername(), isAdmin(user), id);
        return ResponseEntity.noContent().build();
    }

    private static boolean isAdmin(HubUser user) {
        return "ADMIN".equals(user.role());
    }
}
