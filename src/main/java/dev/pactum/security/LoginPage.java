package dev.pactum.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The login form for browsers, in the reader's language, with "Sign in with company account" above it when company
 * login is on ({@link SsoProperties}). Spring Security handles {@code POST /login}
 * and then returns the user to the page they first asked for; after a failure it comes back here with
 * {@code ?error} and the reason in the session, which says how long to wait when {@link LoginThrottle} refused.
 */
@Controller
class LoginPage {

    private final MessageSource messages;
    private final Clock clock;
    private final SsoProperties sso;

    LoginPage(MessageSource messages, Clock clock, SsoProperties sso) {
        this.messages = messages;
        this.clock = clock;
        this.sso = sso;
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String loginPage(HttpServletRequest request, Locale locale) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String notice = "";
        if (request.getParameter("error") != null) {
            notice = "<p class=\"error\" role=\"alert\">" + failure(request, locale) + "</p>";
        } else if (request.getParameter("logout") != null) {
            notice = "<p class=\"notice\" role=\"status\">" + text("logged-out", locale) + "</p>";
        }
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s</title>
                  <style>
                    body { font-family: system-ui, sans-serif; background: #f4f5f7; margin: 0; }
                    main { max-width: 22rem; margin: 12vh auto; background: #fff; padding: 2rem; border-radius: 8px;
                           box-shadow: 0 1px 4px rgba(0,0,0,.15); }
                    label { display: block; margin-top: 1rem; }
                    input { width: 100%%; box-sizing: border-box; padding: .5rem; margin-top: .25rem; }
                    button { margin-top: 1.5rem; width: 100%%; padding: .6rem; }
                    .error { color: #b00020; } .notice { color: #1b5e20; }
                    .sso { display: block; text-align: center; margin-top: 1.5rem; padding: .6rem; border-radius: 4px;
                           background: #1f3a68; color: #fff; text-decoration: none; }
                    .or { text-align: center; color: #666; margin: 1rem 0 0; }
                  </style>
                </head>
                <body>
                <main>
                  <h1>%s</h1>
                  %s
                  %s
                  <form method="post" action="/login">
                    <label for="username">%s</label>
                    <input id="username" name="username" autocomplete="username" required autofocus>
                    <label for="password">%s</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                    <input type="hidden" name="%s" value="%s">
                    <button type="submit">%s</button>
                  </form>
                </main>
                </body>
                </html>
                """.formatted(locale.toLanguageTag(), text("title", locale), text("title", locale), notice,
                companyLogin(locale),
                text("username", locale), text("password", locale),
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()),
                text("submit", locale));
    }

    /** The way to the company's provider, when company login is on. */
    private String companyLogin(Locale locale) {
        if (!sso.enabled()) {
            return "";
        }
        return "<a class=\"sso\" id=\"sso\" href=\"/oauth2/authorization/" + SsoProperties.REGISTRATION_ID + "\">"
                + text("sso", locale) + "</a>\n  <p class=\"or\">" + text("or", locale) + "</p>";
    }

    private String failure(HttpServletRequest request, Locale locale) {
        HttpSession session = request.getSession(false);
        Object reason = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (reason instanceof OAuth2AuthenticationException refused) {
            boolean taken = "account_conflict".equals(refused.getError().getErrorCode());
            return text(taken ? "sso-conflict" : "sso-error", locale);
        }
        if (reason instanceof LoginThrottledException throttled) {
            long seconds = throttled.secondsLeft(clock.instant());
            if (seconds > 0) {
                return HtmlUtils.htmlEscape(messages.getMessage("pactum.security.throttled.detail",
                        new Object[] {seconds}, locale));
            }
        }
        return text("error", locale);
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage("pactum.security.login." + key, null, locale));
    }
}
