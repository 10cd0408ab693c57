package dev.pactum.security;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The company's OpenID Connect provider as Spring Security's one client registration ({@code company}). Its endpoints
 * and keys come from the provider's discovery document, read when the first user signs in with it rather than at
 * start-up, so Pactum starts (and local accounts work) while the provider is unreachable; a failed read is tried
 * again at the next sign-in. Spring checks that the document's issuer is the configured one.
 */
class SsoClientRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(SsoClientRegistrations.class);

    private final SsoProperties properties;
    private final AtomicReference<ClientRegistration> discovered = new AtomicReference<>();

    SsoClientRegistrations(SsoProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!SsoProperties.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration registration = discovered.get();
        if (registration != null) {
            return registration;
        }
        try {
            registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                    .registrationId(SsoProperties.REGISTRATION_ID)
                    .clientId(properties.clientId())
                    .clientSecret(properties.clientSecret())
                    .clientAuthenticationMethod(properties.clientSecret() == null || properties.clientSecret().isBlank()
                            ? ClientAuthenticationMethod.NONE : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(properties.scopes())
                    .userNameAttributeName(properties.userIdClaim())
                    .clientName("company")
                    .build();
        } catch (RuntimeException e) {
            // The message names the issuer and what went wrong; it carries no secret.
            log.warn("Company login: could not read the OpenID Connect provider's configuration from {}: {}",
                    properties.issuerUri(), e.getMessage());
            throw e;
        }
        discovered.compareAndSet(null, registration);
        log.info("Company login: using the OpenID Connect provider {}", properties.issuerUri());
        return discovered.get();
    }
}
