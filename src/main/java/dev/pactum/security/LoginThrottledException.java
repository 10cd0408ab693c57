package dev.pactum.security;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** A login refused, without looking at the password, because of too many recent failures ({@link LoginThrottle}). */
public class LoginThrottledException extends AuthenticationException {

    private final Instant until;

    LoginThrottledException(Instant until) {
        super("Too many failed logins; try again at " + until);
        this.until = until;
    }

    /** Whole seconds left to wait from {@code now}, at least one while the lock lasts (what Retry-After carries). */
    long secondsLeft(Instant now) {
        Duration left = Duration.between(now, until);
        if (left.isNegative() || left.isZero()) {
            return 0;
        }
        return left.plusMillis(999).toSeconds();
    }
}
