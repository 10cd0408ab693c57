package dev.pactum.approval;

import dev.pactum.web.DomainException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
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
