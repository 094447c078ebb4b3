package org.slbdoctor.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure the user {@code admin} exists before the server accepts requests (API.md):
 * {@code slbdoctor.admin.password} set: admin's password is set to it on every start (created if
 * missing, re-enabled and made ADMIN so the setting is also the recovery path). Unset and no admin
 * yet: a random password is generated and logged once, on this start only. A configured password is
 * never logged.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final char[] ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int GENERATED_LENGTH = 24; // ~139 bits of entropy

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final String configuredPassword;
    private final SecureRandom random = new SecureRandom();

    AdminBootstrap(AppUserRepository users, PasswordEncoder encoder, TransactionTemplate tx,
            @Value("${slbdoctor.admin.password:}") String configuredPassword) {
        this.users = users;
        this.encoder = encoder;
        this.tx = tx;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tx.executeWithoutResult(status -> bootstrap());
    }

    private void bootstrap() {
        Optional<AppUser> existing = users.findByUsername(ADMIN_USERNAME);
        if (!configuredPassword.isBlank()) {
            if (configuredPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > UserService.MAX_PASSWORD_BYTES) {
                throw new IllegalStateException("slbdoctor.admin.password is longer than "
                        + UserService.MAX_PASSWORD_BYTES + " bytes, which BCrypt cannot hash");
            }
            if (configuredPassword.length() < UserService.MIN_PASSWORD_LENGTH) {
                // accepted (the operator chose it), but worth a warning
                log.warn("slbdoctor.admin.password is shorter than {} characters", UserService.MIN_PASSWORD_LENGTH);
            }
            String hash = encoder.encode(configuredPassword);
            existing.ifPresentOrElse(admin -> {
                admin.changePasswordHash(hash);
                admin.changeRole(Role.ADMIN);
                admin.enable();
            }, () -> users.save(new AppUser(ADMIN_USERNAME, hash, Role.ADMIN, Clock.systemUTC().instant())));
            log.info("Password of user '{}' set from slbdoctor.admin.password", ADMIN_USERNAME);
            return;
        }
        if (existing.isEmpty()) {
            String generated = generate();
            users.save(new AppUser(ADMIN_USERNAME, encoder.encode(generated), Role.ADMIN, Clock.systemUTC().instant()));
            log.warn("""

                    ================================================================
                    Created user '{}' with the generated password: {}
                    This password is shown only once. Log in and change it, or set
                    SLBDOCTOR_ADMIN_PASSWORD to choose it at start-up.
                    ================================================================""",
                    ADMIN_USERNAME, generated);
        }
    }

    private String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }
}
