package dev.pactum.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Machines' API tokens ({@code Authorization: Bearer …}), implemented by the feature that keeps service accounts.
 * The authentication it returns names the service account and carries its Camunda groups as authorities (like a
 * person's login), plus one {@code SCOPE_<scope>} authority per scope of the token: no Camunda group id can contain
 * {@code _}, so such an authority never passes for a group.
 */
public interface BearerTokens {

    /** The authority prefix of a token's scopes. */
    String SCOPE_PREFIX = "SCOPE_";

    /**
     * @throws AuthenticationException when the token is unknown, expired or revoked (answered 401)
     * @throws AccessDeniedException   when the token is valid but its scopes do not cover this request (403)
     */
    Authentication authenticate(String token, String method, String path);
}
