package org.slbdoctor.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User management rules shared by the admin page and the admin bootstrap. Refuses changes that would
 * lock an administrator out of their own account.
 */
@Service
public class UserService {

    /** BCrypt only looks at the first 72 bytes; longer passwords would be silently truncated. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_LENGTH = 12;

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final Clock clock;

    @Autowired
    public UserService(AppUserRepository users, PasswordEncoder encoder) {
        this(users, encoder, Clock.systemUTC());
    }

    UserService(AppUserRepository users, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AppUser> all() {
        return users.findAllByOrderByUsernameAsc();
    }

    @Transactional
    public AppUser create(String username, String password, Role role) {
        if (users.existsByUsername(username)) {
            throw new UserRuleException("users.error.exists");
        }
        checkPassword(password);
        return users.save(new AppUser(username, encoder.encode(password), role, clock.instant()));
    }

    @Transactional
    public void changePassword(long id, String password) {
        checkPassword(password);
        find(id).changePasswordHash(encoder.encode(password));
    }

    @Transactional
    public void changeRole(long id, Role role, String actingUser) {
        AppUser user = find(id);
        if (user.getUsername().equals(actingUser) && role != Role.ADMIN) {
            throw new UserRuleException("users.error.selfDemote");
        }
        user.changeRole(role);
    }

    @Transactional
    public void setEnabled(long id, boolean enabled, String actingUser) {
        AppUser user = find(id);
        if (!enabled && user.getUsername().equals(actingUser)) {
            throw new UserRuleException("users.error.selfDisable");
        }
        if (enabled) {
            user.enable();
        } else {
            user.disable();
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new UserRuleException("users.error.passwordShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new UserRuleException("users.error.passwordLong");
        }
    }

    private AppUser find(long id) {
        return users.findById(id).orElseThrow(() -> new UserRuleException("users.error.notFound"));
    }

    /** A refused change; the message is a key of messages.properties. */
    public static class UserRuleException extends RuntimeException {
        public UserRuleException(String messageKey) {
            super(messageKey);
        }

        public String messageKey() {
            return getMessage();
        }
    }
}
