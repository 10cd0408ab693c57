package dev.pactum.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.security.PactumSecurityProperties.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The back-off arithmetic, on a clock the test moves. The same rules over real HTTP: {@link LoginLockoutTest}. */
class LoginThrottleTest {

    private static final String DIRECTOR = "director1";
    private static final String ATTACKER = "203.0.113.7";
    private static final String OFFICE = "198.51.100.20";

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(properties(1000), clock);

    @Test
    void fiveFailuresAreFreeThenLocksDoubleUpToFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(ATTACKER, DIRECTOR);
            assertThat(throttle.lockedUntil(ATTACKER, DIRECTOR)).as("failure %d", i + 1).isEmpty();
        }
        List<Duration> locks = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            throttle.failed(ATTACKER, DIRECTOR);
            Duration lock = wait(ATTACKER, DIRECTOR);
            locks.add(lock);
            clock.advance(lock);
        }

        assertThat(locks).containsExactly(seconds(5), seconds(10), seconds(20), seconds(40), seconds(80),
                seconds(160), seconds(320), seconds(640), minutes(15), minutes(15));
        assertThat(throttle.lockedUntil(ATTACKER, DIRECTOR)).as("free again once the lock has run out").isEmpty();
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLastOne() {
        for (int i = 0; i < 6; i++) {
            throttle.failed(ATTACKER, DIRECTOR);
        }
        clock.advance(Duration.ofMinutes(61));

        throttle.failed(ATTACKER, DIRECTOR);

        assertThat(throttle.lockedUntil(ATTACKER, DIRECTOR)).as("counting starts over").isEmpty();
    }

    @Test
    void oneGuessingAddressLocksOnlyItselfOutOfThatAccount() {
        for (int i = 0; i < 7; i++) {
            throttle.failed(ATTACKER, DIRECTOR);
        }

        assertThat(throttle.lockedUntil(ATTACKER, DIRECTOR)).isPresent();
        assertThat(throttle.lockedUntil(OFFICE, DIRECTOR)).as("the director elsewhere").isEmpty();
        assertThat(throttle.lockedUntil(ATTACKER, "sales1")).as("the attacker's own account").isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsStoppedAfterTwentyFailures() {
        for (int i = 0; i < 21; i++) {
            throttle.failed(ATTACKER, "user" + i);
        }

        assertThat(wait(ATTACKER, "someone-else")).isEqualTo(seconds(5));
        assertThat(throttle.lockedUntil(OFFICE, "someone-else")).isEmpty();
    }

    @Test
    void anAccountGuessedFromManyAddressesIsLockedBrieflyExceptWhereItsUserLoggedInBefore() {
        throttle.succeeded(OFFICE, DIRECTOR);
        for (int i = 0; i < 21; i++) {
            throttle.failed("203.0.113." + i, DIRECTOR);
        }
        assertThat(wait("192.0.2.1", DIRECTOR)).isEqualTo(seconds(10));
        assertThat(throttle.lockedUntil(OFFICE, DIRECTOR)).as("a known address").isEmpty();

        for (int i = 21; i < 40; i++) {
            throttle.failed("203.0.113." + i, DIRECTOR);
        }
        assertThat(wait("192.0.2.1", DIRECTOR)).as("capped short").isEqualTo(minutes(2));
    }

    @Test
    void theRightPasswordForgivesThatAddressesFailuresOnThatAccountOnly() {
        // An office behind one address: one colleague's typos must not add up against everybody there for long.
        for (int i = 0; i < 19; i++) {
            throttle.failed(OFFICE, "sales" + (i % 4));
        }
        throttle.succeeded(OFFICE, "sales0");
        throttle.failed(OFFICE, "sales1");
        throttle.failed(OFFICE, "sales1");

        assertThat(throttle.lockedUntil(OFFICE, "manager1")).as("only 16 failures left on the address").isEmpty();

        // Logging in to one's own account in between does not let an address keep guessing another.
        for (int i = 0; i < 6; i++) {
            throttle.failed(ATTACKER, DIRECTOR);
            throttle.succeeded(ATTACKER, "sales2");
        }
        assertThat(throttle.lockedUntil(ATTACKER, DIRECTOR)).isPresent();
    }

    @Test
    void anAdminUnlockLiftsTheAccountAndEveryAddressGuessingIt() {
        for (int i = 0; i < 7; i++) {
            throttle.failed(ATTACKER, DIRECTOR);
        }
        for (int i = 0; i < 21; i++) {
            throttle.failed("203.0.113." + i, DIRECTOR);
        }
        assertThat(throttle.locks()).extracting(LoginThrottle.Lock::scope).contains("account", "source+account");

        assertThat(throttle.unlock("Director1")).isTrue();

        assertThat(throttle.lockedUntil(ATTACKER, DIRECTOR)).isEmpty();
        assertThat(throttle.lockedUntil("192.0.2.1", DIRECTOR)).isEmpty();
        assertThat(throttle.locks()).isEmpty();
        assertThat(throttle.unlock(DIRECTOR)).as("nothing left").isFalse();
    }

    @Test
    void memoryStaysBoundedWhateverNamesAreTried() {
        LoginThrottle small = new LoginThrottle(properties(50), clock);
        for (int i = 0; i < 10_000; i++) {
            small.failed("198.18." + (i / 250) + "." + (i % 250), "random-" + i);
        }
        for (int i = 0; i < 7; i++) {
            small.failed(ATTACKER, DIRECTOR);
        }

        assertThat(small.lockedUntil(ATTACKER, DIRECTOR)).as("the newest entries are kept").isPresent();
        assertThat(small.locks()).hasSizeLessThanOrEqualTo(150);
    }

    private Duration wait(String source, String account) {
        Optional<Instant> until = throttle.lockedUntil(source, account);
        assertThat(until).as("%s locked out of %s", source, account).isPresent();
        return Duration.between(clock.instant(), until.get());
    }

    static PactumSecurityProperties properties(int maxTracked) {
        return new PactumSecurityProperties(
                new PactumSecurityProperties.LoginThrottle(
                        new Backoff(5, seconds(5), minutes(15)),
                        new Backoff(20, seconds(5), minutes(15)),
                        new Backoff(20, seconds(10), minutes(2)),
                        Duration.ofHours(1), Duration.ofDays(30), maxTracked),
                new PactumSecurityProperties.Password(4, 10, Duration.ofMinutes(5)),
                Duration.ofDays(365));
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
