package dev.pactum.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs each {@code /engine-rest} request as the user Spring Security authenticated, so the engine's own
 * authorization checks apply: a Modeler deployment or a REST call can do only what that user may do.
 */
class EngineRestAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    EngineRestAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!CurrentUser.isAuthenticated(authentication)) {
            // Spring Security lets no anonymous request through to /engine-rest; never run one unchecked.
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String userId = authentication.getName();
        var groupIds = authentication.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        var tenantIds = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
        identityService.setAuthentication(userId, groupIds, tenantIds);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
