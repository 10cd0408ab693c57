package dev.pactum.workspace;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The language a reader chose with the switch on every page, kept in a cookie. It stands in for the browser's
 * Accept-Language on the workspace pages only, so the API keeps answering in the language its caller asks for.
 * Without the cookie the pages follow Accept-Language, Chinese by default.
 */
class WorkspaceLanguage extends OncePerRequestFilter {

    static final String COOKIE = "pactum-lang";

    static final String[] PAGE_PATTERNS = {"/home", "/contracts/*", "/customers/*", "/dashboard/*", "/reports/*",
            "/language", "/login"};

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** The languages offered; anything else in the cookie is ignored. */
    static Locale parse(String tag) {
        if (tag == null) {
            return null;
        }
        return switch (tag) {
            case "en" -> Locale.ENGLISH;
            case "zh-CN" -> CHINESE;
            default -> null;
        };
    }

    static String tag(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale chosen = chosen(request);
        chain.doFilter(chosen == null ? request : new ChosenLanguage(request, chosen), response);
    }

    private static Locale chosen(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return parse(cookie.getValue());
            }
        }
        return null;
    }

    private static final class ChosenLanguage extends HttpServletRequestWrapper {

        private final Locale locale;

        ChosenLanguage(HttpServletRequest request, Locale locale) {
            super(request);
            this.locale = locale;
        }

        @Override
        public Locale getLocale() {
            return locale;
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(List.of(locale));
        }

        @Override
        public String getHeader(String name) {
            return "Accept-Language".equalsIgnoreCase(name) ? tag(locale) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept-Language".equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(tag(locale))) : super.getHeaders(name);
        }
    }
}
