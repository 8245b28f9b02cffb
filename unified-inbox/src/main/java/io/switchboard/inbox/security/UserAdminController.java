package io.switchboard.inbox.security;

import static io.switchboard.inbox.support.Sql.instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inbox.api.ApiException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins list and create agents and admins (role ADMIN, by the {@code /api/admin/**} rule). */
@RestController
@Tag(name = "Admin: users")
class UserAdminController {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final int MAX_NAME = 200;

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;

    UserAdminController(UserRepository users, PasswordEncoder encoder, JdbcClient jdbc) {
        this.users = users;
        this.encoder = encoder;
        this.jdbc = jdbc;
    }

    record UserView(String username, String displayName, String role, Instant createdAt) {
    }

    record NewUser(String username, String displayName, String password, String role) {
    }

    @GetMapping("/api/admin/users")
    @Operation(summary = "Every agent and admin")
    List<UserView> list() {
        return jdbc.sql("SELECT username, display_name, role, created_at FROM app_user ORDER BY username")
                .query((rs, n) -> new UserView(rs.getString("username"), rs.getString("display_name"),
                        rs.getString("role"), instant(rs, "created_at")))
                .list();
    }

    @PostMapping("/api/admin/users")
    @Operation(summary = "Create an agent or admin",
            description = "role AGENT (default) or ADMIN; the password needs at least 12 characters; 409 when the"
                    + " username exists")
    ResponseEntity<UserView> create(@RequestBody(required = false) NewUser body) {
        if (body == null || body.username() == null || !USERNAME.matcher(body.username()).matches()) {
            throw ApiException.invalid("username is required: 1-100 letters, digits, '.', '_', '@' or '-',"
                    + " starting with a letter or digit");
        }
        if (body.displayName() == null || body.displayName().isBlank() || body.displayName().length() > MAX_NAME) {
            throw ApiException.invalid("displayName is required (at most " + MAX_NAME + " characters): customers"
                    + " see it on replies");
        }
        if (body.password() == null || body.password().length() < PasswordChange.MIN_LENGTH) {
            throw ApiException.invalid("password must have at least " + PasswordChange.MIN_LENGTH + " characters");
        }
        String role = body.role() == null ? UserRepository.AGENT : body.role().trim().toUpperCase(Locale.ROOT);
        if (!role.equals(UserRepository.AGENT) && !role.equals(UserRepository.ADMIN)) {
            throw ApiException.invalid("role must be AGENT or ADMIN");
        }
        if (users.find(body.username()).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "A user '" + body.username()
                    + "' exists already; choose another username");
        }
        try {
            users.create(body.username(), encoder.encode(body.password()), body.displayName().strip(), role);
        } catch (org.springframework.dao.DuplicateKeyException race) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "A user '" + body.username()
                    + "' exists already; choose another username");
        }
        UserView created = list().stream().filter(u -> u.username().equals(body.username())).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(created);
    }
}
