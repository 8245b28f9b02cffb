package io.switchboard.inbox.security;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes sure an admin can log in on a fresh install. Runs once the database is migrated and before
 * the web server takes requests. An existing user is never changed, so a configured password that
 * differs from the stored one is ignored (change it with {@code POST /api/me/password}).
 */
@Component
class BootstrapAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24;

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final SecurityProperties.BootstrapAdmin admin;

    BootstrapAdmin(UserRepository users, PasswordEncoder encoder, SecurityProperties properties) {
        this.users = users;
        this.encoder = encoder;
        this.admin = properties.bootstrapAdmin();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (users.find(admin.username()).isPresent()) {
            if (admin.hasPassword()) {
                log.info("Admin user '{}' already exists; hub.security.bootstrap-admin.password is only used when the"
                        + " user is first created", admin.username());
            }
            return;
        }
        String password = admin.hasPassword() ? admin.password() : generate();
        try {
            users.create(admin.username(), encoder.encode(password), admin.displayName(), UserRepository.ADMIN);
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return;
        }
        if (admin.hasPassword()) {
            log.info("Created admin user '{}' with the configured password", admin.username());
        } else {
            announce(password);
        }
    }

    private void announce(String password) {
        log.warn("""

                ****************************************************************************
                  Switchboard created the admin user '{}' with this generated password:

                      {}

                  It is shown only this once. Change it now with POST /api/me/password
                  (see docs/api.md), or set hub.security.bootstrap-admin.password
                  before the first start of a fresh installation.
                ****************************************************************************""",
                admin.username(), password);
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
