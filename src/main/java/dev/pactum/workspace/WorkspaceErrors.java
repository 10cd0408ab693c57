package dev.pactum.workspace;

import dev.pactum.web.DomainException;
import dev.pactum.web.ProblemHandler;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page that cannot be shown answers as a page, in the reader's language, with the API's status: a contract the
 * reader may not see is "not found" here too, so its existence does not leak. API errors stay problem+json.
 */
@ControllerAdvice(basePackageClasses = WorkspaceErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkspaceErrors {

    private final MessageSource messages;

    WorkspaceErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    String problem(DomainException e, Model model, HttpServletResponse response) {
        int status = ProblemHandler.statusOf(e).value();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                LocaleContextHolder.getLocale()));
        return "error-page";
    }
}
