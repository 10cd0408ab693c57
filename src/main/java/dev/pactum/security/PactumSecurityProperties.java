package dev.pactum.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and password settings (prefix {@code pactum.security}); every one is documented in README, the back-off
 * defaults are in {@code application.yaml}.
 *
 * @param loginThrottle  how failed logins slow down further attempts
 * @param password       how passwords are stored and which new passwords are accepted
 * @param hstsMaxAge     how long browsers keep to HTTPS once they saw Pactum over HTTPS
 */
@ConfigurationProperties(prefix = "pactum.security")
public record PactumSecurityProperties(
        @DefaultValue LoginThrottle loginThrottle,
        @DefaultValue Password password,
        @DefaultValue("365d") Duration hstsMaxAge) {

    /**
     * @param perSourceAndAccount failures of one account from one client address
     * @param perSource           failures from one client address, whatever the account
     * @param perAccount          failures of one account, whatever the address; not applied to addresses the account
     *                            logged in from successfully within {@code knownSourceFor}
     * @param forgetAfter         failures are forgotten this long after the last one (longer than every lock)
     * @param knownSourceFor      how long a successful login keeps an address exempt from the per-account lock
     * @param maxTracked          at most this many addresses, accounts and pairs are remembered (oldest go first)
     */
    public record LoginThrottle(
            Backoff perSourceAndAccount,
            Backoff perSource,
            Backoff perAccount,
            @DefaultValue("1h") Duration forgetAfter,
            @DefaultValue("30d") Duration knownSourceFor,
            @DefaultValue("100000") int maxTracked) {

        public LoginThrottle {
            for (Backoff backoff : List.of(perSourceAndAccount, perSource, perAccount)) {
                if (backoff.maxLock().compareTo(forgetAfter) >= 0) {
                    throw new IllegalArgumentException("pactum.security.login-throttle.forget-after (" + forgetAfter
                            + ") must be longer than every max-lock (" + backoff.maxLock() + ")");
                }
            }
        }
    }

    /**
     * Exponential back-off: after {@code freeFailures} failures, each further failure locks for {@code firstLock},
     * then twice as long, and so on up to {@code maxLock}.
     */
    public record Backoff(int freeFailures, Duration firstLock, Duration maxLock) {

        public Backoff {
            if (freeFailures < 1 || firstLock.isNegative() || firstLock.isZero() || maxLock.compareTo(firstLock) < 0) {
                throw new IllegalArgumentException(
                        "A login back-off needs free-failures >= 1 and 0 < first-lock <= max-lock");
            }
        }

        /** How long the {@code failures}-th failure in a row locks (zero while failures are still free). */
        Duration lockAfter(int failures) {
            int doublings = failures - freeFailures - 1;
            if (doublings < 0) {
                return Duration.ZERO;
            }
            if (doublings >= 30) {
                return maxLock;
            }
            Duration lock = firstLock.multipliedBy(1L << doublings);
            return lock.compareTo(maxLock) > 0 ? maxLock : lock;
        }
    }

    /**
     * @param bcryptCost         bcrypt's work factor (log2 of the rounds) for new and upgraded hashes
     * @param minLength          the shortest new password accepted
     * @param verifiedCacheTtl   how long a verified user/password pair is remembered (as a keyed MAC, never the
     *                           password), so API clients sending HTTP Basic on every request do not pay bcrypt each
     *                           time; zero turns it off
     */
    public record Password(
            @DefaultValue("12") int bcryptCost,
            @DefaultValue("10") int minLength,
            @DefaultValue("5m") Duration verifiedCacheTtl) {

        public Password {
            if (bcryptCost < 4 || bcryptCost > 31) {
                throw new IllegalArgumentException("pactum.security.password.bcrypt-cost must be between 4 and 31");
            }
        }
    }
}
