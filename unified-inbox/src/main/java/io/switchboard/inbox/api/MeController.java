package io.switchboard.inbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inbox.security.HubUser;
import io.switchboard.inbox.security.PasswordChange;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The logged-in user. */
@RestController
@Tag(name = "Me")
class MeController {

    private final PasswordChange passwords;

    MeController(PasswordChange passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who is logged in")
    Me me(@AuthenticationPrincipal HubUser user) {
        return new Me(user.getUsername(), user.displayName(), user.role());
    }

    @PostMapping("/api/me/password")
    @Operation(summary = "Change your own password (at least 12 characters)")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal HubUser user,
                                        @RequestBody(required = false) PasswordRequest body) {
        if (body == null || body.currentPassword() == null || body.newPassword() == null) {
            throw ApiException.invalid("currentPassword and newPassword are required");
        }
        passwords.change(user.getUsername(), body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }

    record Me(String username, String displayName, String role) {
    }

    record PasswordRequest(String currentPassword, String newPassword) {
    }
}
