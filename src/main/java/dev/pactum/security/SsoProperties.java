package dev.pactum.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Company login through an OpenID Connect provider (prefix {@code pactum.sso}); off unless {@code enabled}. Every
 * setting is documented in README ("Company login (SSO)").
 *
 * @param enabled            offer "Sign in with company account" on the login page
 * @param issuerUri          the provider's issuer; its discovery document is read from
 *                           {@code <issuer>/.well-known/openid-configuration} at the first SSO login
 * @param clientId           Pactum's client id at the provider
 * @param clientSecret       its secret (confidential client; PKCE is used as well)
 * @param scopes             scopes asked for; {@code openid} is always among them
 * @param userIdClaim        the ID token (or user info) claim that becomes the Pactum user id
 * @param groupsClaim        the claim holding the user's groups at the provider (a list or one string)
 * @param groupMapping       provider group → Pactum (Camunda) group ids; provider groups not listed give nothing
 * @param endProviderSession on logout, also end the session at the provider (OpenID Connect RP-initiated logout)
 *                           when it offers an {@code end_session_endpoint}
 */
@ConfigurationProperties(prefix = "pactum.sso")
public record SsoProperties(
        @DefaultValue("false") boolean enabled,
        String issuerUri,
        String clientId,
        String clientSecret,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @DefaultValue("preferred_username") String userIdClaim,
        @DefaultValue("groups") String groupsClaim,
        @DefaultValue Map<String, List<String>> groupMapping,
        @DefaultValue("true") boolean endProviderSession) {

    /** The registration id, part of the redirect URI registered at the provider: {@code /login/oauth2/code/company}. */
    public static final String REGISTRATION_ID = "company";

    public SsoProperties {
        if (enabled && (blank(issuerUri) || blank(clientId))) {
            throw new IllegalArgumentException("pactum.sso.enabled=true needs pactum.sso.issuer-uri and "
                    + "pactum.sso.client-id");
        }
        scopes = scopes.contains("openid") ? List.copyOf(scopes)
                : Stream.concat(Stream.of("openid"), scopes.stream()).toList();
        groupMapping = Map.copyOf(groupMapping);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
