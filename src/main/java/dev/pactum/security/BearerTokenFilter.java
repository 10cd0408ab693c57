package dev.pactum.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that sends {@code Authorization: Bearer <API token>} as the token's service account, for
 * this request only (nothing is kept in a session). A bad token is a 401, a token without the scope for the request
 * a 403, both as problem+json; requests without a bearer token pass untouched.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final BearerTokens tokens;
    private final AuthenticationEntryPoint unauthorized;
    private final AccessDeniedHandler forbidden;

    BearerTokenFilter(BearerTokens tokens, AuthenticationEntryPoint unauthorized, AccessDeniedHandler forbidden) {
        this.tokens = tokens;
        this.unauthorized = unauthorized;
        this.forbidden = forbidden;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(tokens.authenticate(header.substring(BEARER.length()).trim(),
                    request.getMethod(), path));
            SecurityContextHolder.setContext(context);
        } catch (AuthenticationException e) {
            SecurityContextHolder.clearContext();
            unauthorized.commence(request, response, e);
            return;
        } catch (AccessDeniedException e) {
            forbidden.handle(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }
}
