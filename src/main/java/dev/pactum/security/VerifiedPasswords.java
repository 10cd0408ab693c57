package dev.pactum.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Remembers for a few minutes that a password matched a user's stored hash, so API clients that send HTTP Basic
 * with every request pay bcrypt once, not per request. It holds an HMAC of the password under a key made at
 * start-up and never stored, next to the stored hash it was checked against: once the password is changed the hash
 * differs and the entry no longer counts. Wrong passwords are never remembered; they always cost a full check.
 */
@Component
class VerifiedPasswords {

    private static final int MAX_ENTRIES = 10_000;

    private record Verified(byte[] mac, String storedHash, Instant expires) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    VerifiedPasswords(PactumSecurityProperties properties, Clock clock) {
        this.clock = clock;
        this.ttl = properties.password().verifiedCacheTtl();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    synchronized boolean contains(String userId, String password, String storedHash) {
        Verified entry = verified.get(userId);
        if (entry == null) {
            return false;
        }
        if (!entry.expires().isAfter(clock.instant())) {
            verified.remove(userId);
            return false;
        }
        return entry.storedHash().equals(storedHash) && MessageDigest.isEqual(entry.mac(), mac(userId, password));
    }

    synchronized void remember(String userId, String password, String storedHash) {
        if (ttl.isZero() || storedHash == null) {
            return;
        }
        verified.put(userId, new Verified(mac(userId, password), storedHash, clock.instant().plus(ttl)));
    }

    synchronized void forget(String userId) {
        verified.remove(userId);
    }

    private byte[] mac(String userId, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac.doFinal((userId + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
