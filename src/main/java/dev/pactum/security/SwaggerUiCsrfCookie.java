package dev.pactum.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Swagger UI's "Try it out" write with a logged-in browser's session: when Swagger UI's page is served to a
 * logged-in user, the session's CSRF token (masked, as in any form Pactum renders) is also put in a cookie that
 * springdoc's CSRF support reads ({@code springdoc.swagger-ui.csrf.cookie-name}) and sends back in the
 * {@code X-CSRF-TOKEN} header Spring Security checks. Pactum keeps its tokens in the session; nothing else changes.
 */
final class SwaggerUiCsrfCookie extends OncePerRequestFilter {

    static final String COOKIE = "PACTUM-SWAGGER-CSRF";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !path.startsWith("/swagger-ui/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token && loggedIn()) {
            String contextPath = request.getContextPath();
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token.getToken())
                    .path(contextPath.isEmpty() ? "/" : contextPath)
                    .secure(request.isSecure())
                    .sameSite("Strict")
                    .build().toString());
        }
        chain.doFilter(request, response);
    }

    private static boolean loggedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
