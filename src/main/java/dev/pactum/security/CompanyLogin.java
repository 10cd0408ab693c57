package dev.pactum.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Company login ({@code pactum.sso.*}) wired into Pactum's one filter chain ({@link SecurityConfiguration}) beside the
 * password form and HTTP Basic: Spring Security's OAuth2 login, with {@link SsoClientRegistrations} for the provider
 * and {@link SsoUsers} for who the person becomes in Pactum.
 */
final class CompanyLogin {

    private CompanyLogin() {
    }

    /**
     * Company login (OpenID Connect authorization code flow with PKCE; Spring Security checks state, nonce and the ID
     * token). Starts at {@code /oauth2/authorization/company}, returns to {@code /login/oauth2/code/company}. Tokens
     * stay in the user's session, never in a log or a shared store.
     */
    static void configure(HttpSecurity http, SsoProperties sso, IdentityService identityService,
            ApplicationEventPublisher events) throws Exception {
        SsoClientRegistrations registrations = new SsoClientRegistrations(sso);
        var authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var failure = new SsoLoginFailureHandler(events);
        http.oauth2Login(oauth2 -> oauth2
                .loginPage("/login")
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new SsoUsers(identityService, sso)))
                .failureHandler(failure));
        if (sso.endProviderSession()) {
            var providerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
            providerLogout.setPostLogoutRedirectUri("{baseUrl}/login?logout");
            // Local users, and providers without an end_session_endpoint: back to the login page.
            providerLogout.setDefaultTargetUrl("/login?logout");
            http.logout(logout -> logout.logoutSuccessHandler(providerLogout));
        }
    }

    /** A failed company login: back to the login page with the reason, and recorded in the audit trail. */
    static final class SsoLoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

        private final ApplicationEventPublisher events;

        SsoLoginFailureHandler(ApplicationEventPublisher events) {
            super("/login?error=sso");
            this.events = events;
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) throws IOException, ServletException {
            // Failures in the OAuth2 filters themselves (state, provider errors) never reach the ProviderManager's
            // event publisher; the user is named only when the provider vouched for them and Pactum refused.
            String userId = exception instanceof SsoUsers.SsoLoginRefusedException refused ? refused.userId() : null;
            events.publishEvent(new SsoLoginFailedEvent(
                    UsernamePasswordAuthenticationToken.unauthenticated(userId == null ? "" : userId, null),
                    exception));
            super.onAuthenticationFailure(request, response, exception);
        }
    }

    /** Spring Security's failure event for a company login, which the audit trail records as LOGIN_FAILED. */
    static final class SsoLoginFailedEvent extends AbstractAuthenticationFailureEvent {

        SsoLoginFailedEvent(Authentication authentication, AuthenticationException exception) {
            super(authentication, exception);
        }
    }

    /** Pactum's policy; with company login ending the provider's session, logout's form may go on to the provider. */
    static String contentSecurityPolicy(SsoProperties sso) {
        if (!sso.enabled() || !sso.endProviderSession()) {
            return SecurityConfiguration.CONTENT_SECURITY_POLICY;
        }
        var issuer = UriComponentsBuilder.fromUriString(sso.issuerUri()).build();
        String origin = issuer.getScheme() + "://" + issuer.getHost() + (issuer.getPort() < 0 ? "" : ":" + issuer.getPort());
        return SecurityConfiguration.CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + origin);
    }
}
