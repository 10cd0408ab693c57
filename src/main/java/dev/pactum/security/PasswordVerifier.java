package dev.pactum.security;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a user's password with Camunda's identity service, and on a match rewrites a hash that is not yet bcrypt at
 * the configured cost (a SHA-512 hash from before, or a cheaper bcrypt), with the same password.
 */
@Component
class PasswordVerifier {

    private static final Logger log = LoggerFactory.getLogger(PasswordVerifier.class);

    private final IdentityService identityService;
    private final BcryptPasswordEncryptor bcrypt;
    private final VerifiedPasswords verified;
    /**
     * A hash no password is known to match, to spend on unknown users: they take as long as known ones. Made off the
     * main thread (one bcrypt, a quarter of a second at cost 12), so start-up does not wait for it.
     */
    private final CompletableFuture<String> decoy;

    PasswordVerifier(IdentityService identityService, BcryptPasswordEncryptor bcrypt, VerifiedPasswords verified) {
        this.identityService = identityService;
        this.bcrypt = bcrypt;
        this.verified = verified;
        this.decoy = CompletableFuture.supplyAsync(() -> bcrypt.encrypt(UUID.randomUUID().toString()));
    }

    boolean matches(String userId, String password) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null || user.getPassword() == null) {
            bcrypt.check(password, decoy.join());
            return false;
        }
        String storedHash = user.getPassword();
        if (verified.contains(userId, password, storedHash)) {
            return true;
        }
        if (!identityService.checkPassword(userId, password)) {
            return false;
        }
        verified.remember(userId, password, bcrypt.isCurrent(storedHash) ? storedHash : rehash(userId, password));
        return true;
    }

    /** @return the new stored hash, or null when another login rewrote it first */
    private String rehash(String userId, String password) {
        // Read again: the check itself may have just reset Camunda's failure count, a new revision of the user.
        User user = identityService.createUserQuery().userId(userId).singleResult();
        user.setPassword(password);
        try {
            // The same password the user already has: the policy is for new passwords (README, "Security").
            ((IdentityServiceImpl) identityService).saveUser(user, true);
            log.info("Rehashed the password of user {} with bcrypt", user.getId());
            return user.getPassword();
        } catch (ProcessEngineException e) {
            log.debug("Password of user {} not rehashed this time: {}", user.getId(), e.getMessage());
            return null;
        }
    }
}
