package dev.pactum.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the user Spring Security logged in to the Camunda webapps (Tasklist, Cockpit, Admin), so one login
 * serves both. Camunda's {@code ContainerBasedAuthenticationFilter} instantiates this class by name and calls
 * it on every webapp request; it stores the result in the HTTP session, which Pactum's logout invalidates.
 */
public class SpringSecurityWebappAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!CurrentUser.isAuthenticated(authentication)) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(authentication.getAuthorities().stream().map(a -> a.getAuthority()).toList());
        // Tenants stay null: Camunda then looks them up for the user itself.
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security has already challenged anonymous requests (login page or 401) before they get here.
    }
}
