package dev.pactum.workspace;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The 中文 / English switch in every page's header: remembers the choice for a year and returns to the page. */
@Controller
class LanguageSwitch {

    @GetMapping("/language")
    String choose(@RequestParam String lang, @RequestParam(defaultValue = "/home") String back,
                  HttpServletResponse response) {
        Locale locale = WorkspaceLanguage.parse(lang);
        if (locale != null) {
            Cookie cookie = new Cookie(WorkspaceLanguage.COOKIE, WorkspaceLanguage.tag(locale));
            cookie.setPath("/");
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        return "redirect:" + localPath(back);
    }

    /** Only a path on this site, so the switch cannot be used to send someone elsewhere. */
    static String localPath(String back) {
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\")
                && back.chars().noneMatch(ch -> ch < 0x20);
        return local ? back : "/home";
    }
}
