package dev.pactum.security;

import dev.pactum.security.PactumSecurityProperties.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down without handing anyone a way to lock a user out. Failed logins are counted in three
 * scopes, each with its own exponential back-off (see README, "Security"):
 * <ul>
 *   <li>one client address guessing one account: stops a single attacker early, long before the account's own
 *       count matters, so the real user elsewhere is not affected;</li>
 *   <li>one client address, whatever the account: stops one address trying one password on many accounts;</li>
 *   <li>one account, whatever the address: stops guessing spread over many addresses, briefly, and never for an
 *       address the account logged in from successfully before.</li>
 * </ul>
 * Nothing is locked for good, and an admin can lift an account's locks. The state lives in this node's memory: it is
 * lost on restart and not shared between nodes (README explains why that is the trade chosen).
 */
@Component
public class LoginThrottle {

    private static final char PAIR_SEPARATOR = '\n';
    private static final int KNOWN_SOURCES_PER_ACCOUNT = 10;

    private final Clock clock;
    private final PactumSecurityProperties.LoginThrottle settings;
    private final Scope bySourceAndAccount;
    private final Scope bySource;
    private final Scope byAccount;
    private final Map<String, Map<String, Instant>> knownSources;

    public LoginThrottle(PactumSecurityProperties properties, Clock clock) {
        this.clock = clock;
        this.settings = properties.loginThrottle();
        this.bySourceAndAccount = new Scope("source+account", settings.perSourceAndAccount());
        this.bySource = new Scope("source", settings.perSource());
        this.byAccount = new Scope("account", settings.perAccount());
        this.knownSources = bounded(settings.maxTracked());
    }

    /** A currently locked address, account or pair, for admins. */
    public record Lock(String scope, String key, int failures, Instant until) {
    }

    /** Until when this address must wait before it may try this account again; empty if it may now. */
    public synchronized Optional<Instant> lockedUntil(String source, String account) {
        Instant now = clock.instant();
        String user = normalize(account);
        Instant until = later(bySourceAndAccount.lockedUntil(pair(source, user), now),
                bySource.lockedUntil(source, now));
        if (!isKnown(user, source, now)) {
            until = later(until, byAccount.lockedUntil(user, now));
        }
        return Optional.ofNullable(until);
    }

    public synchronized void failed(String source, String account) {
        Instant now = clock.instant();
        String user = normalize(account);
        bySourceAndAccount.fail(pair(source, user), now);
        bySource.fail(source, now);
        byAccount.fail(user, now);
    }

    /** The right password: this address's failures on this account are forgiven, and it becomes a known address. */
    public synchronized void succeeded(String source, String account) {
        Instant now = clock.instant();
        String user = normalize(account);
        forgive(source, user, now);
        byAccount.forget(user);
        knownSources.computeIfAbsent(user, key -> bounded(KNOWN_SOURCES_PER_ACCOUNT)).put(source, now);
    }

    /**
     * Lifts every lock on the account: its own, and those of each address guessing it (an address's failures on
     * other accounts still count).
     *
     * @return whether anything was locked or counted
     */
    public synchronized boolean unlock(String account) {
        Instant now = clock.instant();
        String user = normalize(account);
        boolean counted = byAccount.forget(user);
        for (String pair : List.copyOf(bySourceAndAccount.keys())) {
            if (accountOf(pair).equals(user)) {
                counted |= forgive(sourceOf(pair), user, now);
            }
        }
        return counted;
    }

    public synchronized List<Lock> locks() {
        Instant now = clock.instant();
        List<Lock> locks = new ArrayList<>();
        locks.addAll(byAccount.locks(now, key -> key));
        locks.addAll(bySource.locks(now, key -> key));
        locks.addAll(bySourceAndAccount.locks(now, key -> sourceOf(key) + " → " + accountOf(key)));
        locks.sort(Comparator.comparing(Lock::until).reversed());
        return locks;
    }

    private boolean forgive(String source, String user, Instant now) {
        Counter pair = bySourceAndAccount.remove(pair(source, user), now);
        if (pair == null) {
            return false;
        }
        bySource.forgive(source, pair.failures, now);
        return true;
    }

    private boolean isKnown(String user, String source, Instant now) {
        Map<String, Instant> sources = knownSources.get(user);
        Instant lastSuccess = sources == null ? null : sources.get(source);
        return lastSuccess != null && lastSuccess.plus(settings.knownSourceFor()).isAfter(now);
    }

    /** User ids are matched as Camunda stores them, but guesses at {@code Director1} count against director1 too. */
    private static String normalize(String account) {
        return account.toLowerCase(Locale.ROOT);
    }

    private static String pair(String source, String user) {
        return source + PAIR_SEPARATOR + user;
    }

    private static String sourceOf(String pair) {
        return pair.substring(0, pair.indexOf(PAIR_SEPARATOR));
    }

    private static String accountOf(String pair) {
        return pair.substring(pair.indexOf(PAIR_SEPARATOR) + 1);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** Least recently used entries go first once the map holds {@code max}, so memory stays bounded under attack. */
    private static <V> Map<String, V> bounded(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    private static final class Counter {
        int failures;
        Instant lastFailure;
        Instant lockedUntil;
    }

    /** Failure counts under one kind of key, each with the back-off of that scope. */
    private final class Scope {

        private final String name;
        private final Backoff backoff;
        private final Map<String, Counter> counters = bounded(settings.maxTracked());

        Scope(String name, Backoff backoff) {
            this.name = name;
            this.backoff = backoff;
        }

        void fail(String key, Instant now) {
            Counter counter = current(key, now);
            if (counter == null) {
                counter = new Counter();
                counters.put(key, counter);
            }
            counter.failures++;
            counter.lastFailure = now;
            Duration lock = backoff.lockAfter(counter.failures);
            counter.lockedUntil = lock.isZero() ? null : now.plus(lock);
        }

        Instant lockedUntil(String key, Instant now) {
            Counter counter = current(key, now);
            return counter == null || counter.lockedUntil == null || !counter.lockedUntil.isAfter(now)
                    ? null : counter.lockedUntil;
        }

        /** Takes back {@code failures} an address made on an account it has now proved it may use. */
        void forgive(String key, int failures, Instant now) {
            Counter counter = current(key, now);
            if (counter == null) {
                return;
            }
            counter.failures = Math.max(0, counter.failures - failures);
            Duration lock = backoff.lockAfter(counter.failures);
            if (lock.isZero()) {
                counter.lockedUntil = null;
            }
        }

        Counter remove(String key, Instant now) {
            Counter counter = current(key, now);
            counters.remove(key);
            return counter;
        }

        boolean forget(String key) {
            return counters.remove(key) != null;
        }

        Collection<String> keys() {
            return counters.keySet();
        }

        List<Lock> locks(Instant now, UnaryOperator<String> describe) {
            return counters.entrySet().stream()
                    .filter(entry -> entry.getValue().lockedUntil != null && entry.getValue().lockedUntil.isAfter(now))
                    .map(entry -> new Lock(name, describe.apply(entry.getKey()), entry.getValue().failures,
                            entry.getValue().lockedUntil))
                    .toList();
        }

        /** The counter for the key, or null when it has none or its failures are old enough to be forgotten. */
        private Counter current(String key, Instant now) {
            Counter counter = counters.get(key);
            if (counter != null && !counter.lastFailure.plus(settings.forgetAfter()).isAfter(now)) {
                counters.remove(key);
                return null;
            }
            return counter;
        }
    }
}
