package dev.pactum.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers API requests that lack credentials (401), come too soon after failed logins (429) or lack permission (403)
 * with RFC 9457 problem+json, in the language the client asks for. Browsers asking for pages get the login page
 * instead (see SecurityConfiguration).
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final URI UNAUTHORIZED = URI.create("https://pactum.dev/problems/unauthorized");
    static final URI FORBIDDEN = URI.create("https://pactum.dev/problems/forbidden");
    static final URI THROTTLED = URI.create("https://pactum.dev/problems/too-many-login-attempts");

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final boolean basicChallenge;

    /**
     * @param basicChallenge whether a 401 carries {@code WWW-Authenticate: Basic}; off for the Camunda webapp API,
     *                       where a browser would otherwise pop up its own password dialog
     */
    SecurityProblems(MessageSource messages, LocaleResolver localeResolver, ObjectMapper objectMapper, Clock clock,
            boolean basicChallenge) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.basicChallenge = basicChallenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            long seconds = Math.max(1, throttled.secondsLeft(clock.instant()));
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, THROTTLED, "pactum.security.throttled", seconds);
            return;
        }
        if (basicChallenge && !fromBrowserPage(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Pactum\", charset=\"UTF-8\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED, "pactum.security.unauthorized");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, FORBIDDEN, "pactum.security.forbidden");
    }

    /**
     * A Basic challenge makes browsers show their own password dialog and then send the cached password with
     * every request, cross-site ones included; browsers log in with the form instead.
     */
    private static boolean fromBrowserPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                || (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
            String messageKey, Object... args) throws IOException {
        Locale locale = localeResolver.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(messageKey + ".detail", args, locale));
        problem.setType(type);
        problem.setTitle(messages.getMessage(messageKey + ".title", null, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
