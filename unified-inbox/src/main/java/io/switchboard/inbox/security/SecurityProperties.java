package io.switchboard.inbox.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code hub.security.*}. */
@Validated
@ConfigurationProperties("hub.security")
record SecurityProperties(@DefaultValue @Valid BootstrapAdmin bootstrapAdmin) {

    /**
     * The admin created at start-up when no user of that name exists.
     *
     * @param username    login name
     * @param password    used only when the user is first created; when blank a random one is
     *                    generated and logged once
     * @param displayName the name shown on the admin's replies
     */
    record BootstrapAdmin(@DefaultValue("admin") @NotBlank String username, String password,
                          @DefaultValue("Administrator") @NotBlank String displayName) {

        boolean hasPassword() {
            return password != null && !password.isBlank();
        }
    }
}
