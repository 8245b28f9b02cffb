package io.switchboard.inbox.security;

import io.switchboard.inbox.api.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** A user changes their own password, proving the current one. */
@Service
public class PasswordChange {

    static final int MIN_LENGTH = 12;

    private final UserRepository users;
    private final PasswordEncoder encoder;

    PasswordChange(UserRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    public void change(String username, String currentPassword, String newPassword) {
        HubUser user = users.loadUserByUsername(username);
        if (!encoder.matches(currentPassword, user.getPassword())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "currentPassword is wrong");
        }
        if (newPassword.length() < MIN_LENGTH) {
            throw ApiException.invalid("newPassword must have at least " + MIN_LENGTH + " characters");
        }
        users.changePassword(username, encoder.encode(newPassword));
    }
}
