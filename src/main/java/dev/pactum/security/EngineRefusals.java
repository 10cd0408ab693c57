package dev.pactum.security;

import dev.pactum.web.DomainException;
import dev.pactum.web.ProblemHandler;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Pactum's refusals raised inside the engine during an engine REST request (a delegate refusing a contract that is
 * not the caller's, a task listener refusing a completion without a decision or an assignment to someone outside
 * the task's groups) are the caller's fault: answered with their 4xx and their message instead of the 500 Camunda
 * gives every exception a listener or delegate throws (it wraps them in {@link ProcessEngineException}, and the task
 * resource wraps that in a {@link RestException}). Everything else keeps Camunda's answer.
 * <p>
 * A refusal is a {@link DomainException} anywhere in the cause chain (its kind gives the status), or an
 * {@link IllegalArgumentException} or form validation error thrown by Pactum's own code, whose messages are written
 * for the user (zh / en).
 * The engine's {@link NullValueException} (no task, definition … with the id sent) keeps Camunda's answer as 404.
 * The answer's {@code type} is {@code Pactum:} and the problem type of Pactum's API ({@code forbidden},
 * {@code validation}, …), never a class name. Registered with a priority above Camunda's mappers for the same types, which Jersey prefers at equal distance.
 */
final class EngineRefusals {

    private EngineRefusals() {
    }

    /** The status and message a refusal is answered with; no type and message: Camunda's own, with this status. */
    record Refusal(int status, String type, String message) {
    }

    static Refusal of(Throwable exception, MessageSource messages, LocaleResolver localeResolver,
                      HttpServletRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DomainException refusal) {
                return new Refusal(ProblemHandler.statusOf(refusal).value(), "Pactum:" + refusal.problemType(),
                        messages.getMessage(refusal.messageKey(), refusal.args(), refusal.messageKey(),
                                localeResolver.resolveLocale(request)));
            }
            if ((cause instanceof IllegalArgumentException || cause instanceof FormFieldValidationException)
                    && thrownBy(cause, "dev.pactum.")) {
                // A start form's bad value (RegisterContractFromForm) through /start, not only /submit-form.
                return new Refusal(400, "Pactum:validation", cause.getMessage());
            }
            if (cause instanceof NullPointerException && thrownBy(cause, "org.camunda.bpm.engine.rest.")) {
                // Camunda's REST layer reading a request it does not check ({"variables": {"x": null}}).
                return new Refusal(400, "Pactum:validation", messages.getMessage(
                        "pactum.matrix.engineRequestIncomplete", null, localeResolver.resolveLocale(request)));
            }
            if (cause instanceof NullValueException) {
                // The engine's "cannot find task/definition with id …": an id the caller sent that names nothing.
                return new Refusal(404, null, null);
            }
        }
        return null;
    }

    private static boolean thrownBy(Throwable exception, String packagePrefix) {
        StackTraceElement[] trace = exception.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith(packagePrefix);
    }

    static Response answer(Refusal refusal, Throwable exception) {
        if (refusal.type() == null) {
            return Response.fromResponse(ExceptionHandlerHelper.getInstance().getResponse(exception))
                    .status(refusal.status()).build();
        }
        ExceptionDto answer = new ExceptionDto();
        answer.setType(refusal.type());
        answer.setMessage(refusal.message());
        return Response.status(refusal.status()).entity(answer).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** For exceptions a listener or delegate threw, wrapped by the engine. */
    @Priority(1000)
    static final class InEngine extends Mapper<ProcessEngineException> implements
            ExtendedExceptionMapper<ProcessEngineException> {

        InEngine(MessageSource messages, LocaleResolver localeResolver) {
            super(messages, localeResolver);
        }
    }

    /** For the same, wrapped once more by a REST resource (task completion, claim, assignee). */
    @Priority(1000)
    static final class InRestResource extends Mapper<RestException> implements
            ExtendedExceptionMapper<RestException> {

        InRestResource(MessageSource messages, LocaleResolver localeResolver) {
            super(messages, localeResolver);
        }
    }

    abstract static class Mapper<E extends Throwable> {

        private final MessageSource messages;
        private final LocaleResolver localeResolver;

        @jakarta.ws.rs.core.Context
        private HttpServletRequest request;

        Mapper(MessageSource messages, LocaleResolver localeResolver) {
            this.messages = messages;
            this.localeResolver = localeResolver;
        }

        public boolean isMappable(E exception) {
            return of(exception, messages, localeResolver, request) != null;
        }

        public Response toResponse(E exception) {
            return answer(of(exception, messages, localeResolver, request), exception);
        }
    }
}
