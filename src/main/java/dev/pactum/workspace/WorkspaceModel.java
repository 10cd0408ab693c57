package dev.pactum.workspace;

import dev.pactum.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is reading, in which language, where the switch returns to, Tasklist. */
@ControllerAdvice(basePackageClasses = WorkspaceModel.class)
class WorkspaceModel {

    private final CurrentUser currentUser;
    private final String tasklist;

    WorkspaceModel(CurrentUser currentUser,
                   @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.currentUser = currentUser;
        this.tasklist = webappPath + "/app/tasklist/default/";
    }

    @ModelAttribute("me")
    String me() {
        return currentUser.username();
    }

    @ModelAttribute("seesAll")
    boolean seesAll() {
        return currentUser.seesAllContracts();
    }

    @ModelAttribute("lang")
    String lang() {
        Locale locale = LocaleContextHolder.getLocale();
        return WorkspaceLanguage.tag(locale);
    }

    /** This page's path and query, where the language switch brings the reader back to. */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    @ModelAttribute("tasklist")
    String tasklist() {
        return tasklist;
    }
}
