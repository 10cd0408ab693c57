package dev.pactum.approval;

import dev.pactum.web.DomainException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** What every IM card channel needs alike: its HTTP client, its cached access token, its callback's freshness. */
final class ImCardHttp {

    private ImCardHttp() {
    }

    /** HTTP/1.1 with short timeouts: a card that cannot go out soon is logged, the approval goes on. */
    static RestClient client(RestClient.Builder http) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(10));
        return http.requestFactory(requests).build();
    }

    /** A callback sent at {@code sent} is believed only within the tolerance of Pactum's clock (no replays later). */
    static void requireFresh(Instant sent, Clock clock, Duration tolerance) {
        if (Duration.between(sent, clock.instant()).abs().compareTo(tolerance) > 0) {
            throw DomainException.unauthorized("pactum.imcard.stale");
        }
    }

    static boolean sameSecret(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.trim().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A card id that binds a click to its contract, task and receiver, for IMs whose callback signature does not cover
     * the body (DingTalk, WeCom): contract, task and the first 22 Base64url characters of HMAC-SHA256(secret,
     * contract/task/receiver), joined by {@code separator}.
     */
    static String cardId(String secret, char separator, long contractId, String taskId, String receiver) {
        byte[] digest;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            digest = mac.doFinal((contractId + "/" + taskId + "/" + receiver).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
        return contractId + String.valueOf(separator) + taskId + separator
                + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    }

    /** The contract and task a card id names. */
    record CardRef(long contractId, String taskId) {
    }

    /**
     * Reads a card id made by {@link #cardId}: unreadable (or no receiver) is a 422, an id made for another receiver
     * a 401 with {@code signatureInvalid}.
     */
    static CardRef verifyCardId(String cardId, String secret, char separator, String receiver, String provider,
                                String signatureInvalid) {
        String[] parts = cardId == null ? new String[0] : cardId.split(Pattern.quote(String.valueOf(separator)));
        if (parts.length != 3 || receiver == null || receiver.isEmpty() || !parts[0].matches("\\d{1,18}")) {
            throw DomainException.unprocessable("pactum.imcard.actionUnreadable", provider);
        }
        long contractId = Long.parseLong(parts[0]);
        if (!sameSecret(cardId(secret, separator, contractId, parts[1], receiver), cardId)) {
            throw DomainException.unauthorized(signatureInvalid);
        }
        return new CardRef(contractId, parts[1]);
    }

    /** An IM's access token, fetched when first needed and renewed five minutes before the IM lets it lapse. */
    static final class AccessToken {

        /** What the IM granted: the token and how many seconds it lasts. */
        record Grant(String token, long expiresInSeconds) {
        }

        private final Clock clock;
        private final Supplier<Grant> fetch;
        private String token;
        private Instant until = Instant.MIN;

        AccessToken(Clock clock, Supplier<Grant> fetch) {
            this.clock = clock;
            this.fetch = fetch;
        }

        synchronized String get() {
            if (token == null || !clock.instant().isBefore(until)) {
                Grant grant = fetch.get();
                token = grant.token();
                until = clock.instant().plusSeconds(Math.max(0, grant.expiresInSeconds() - 300));
            }
            return token;
        }
    }
}
