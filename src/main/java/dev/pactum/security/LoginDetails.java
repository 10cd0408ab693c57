package dev.pactum.security;

import java.io.Serializable;

/**
 * What Pactum keeps about the request a login came with: the client address it is counted under by
 * {@link LoginThrottle}. Spring Security stores it in the session with the authentication, hence serializable.
 *
 * @param source the client address ({@link ClientAddresses}), or {@code unknown} when no request is involved
 */
public record LoginDetails(String source) implements Serializable {

    static String sourceOf(Object details) {
        return details instanceof LoginDetails login ? login.source() : ClientAddresses.UNKNOWN;
    }
}
