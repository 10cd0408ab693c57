package dev.pactum.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers {@code /engine-rest} errors that are not Camunda's own. Camunda's catch-all answers any exception with its
 * class name and message, so a bug in a delegate called during a REST request showed its class
 * ({@code ClassCastException}), the message and with it class and SQL details. Those are now logged with a
 * reference and answered 500 {@code {"type":"InternalServerError","message":"... (reference)"}}. Camunda's own
 * exceptions, whose types and messages are part of its REST API (clients act on {@code OptimisticLockingException},
 * Modeler shows parse errors), and JAX-RS's status exceptions keep Camunda's answers.
 * <p>
 * Mapped for {@code Exception}: JAX-RS picks the mapper of the nearest superclass, so Camunda's mappers for
 * {@code ProcessEngineException}, {@code RestException} and JSON errors still win for those, and this one wins over
 * Camunda's for {@code Throwable}.
 */
class EngineRestErrors implements ExceptionMapper<Exception> {

    static final String TYPE = "InternalServerError";

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

    private final MessageSource messages;
    private final LocaleResolver localeResolver;

    @Context
    private HttpServletRequest request;

    EngineRestErrors(MessageSource messages, LocaleResolver localeResolver) {
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    @Override
    public Response toResponse(Exception exception) {
        if (exception instanceof WebApplicationException || exception.getClass().getName().startsWith("org.camunda.")) {
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
        EngineRefusals.Refusal refusal = EngineRefusals.of(exception, messages, localeResolver, request);
        if (refusal != null) {
            return EngineRefusals.answer(refusal, exception);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error answering {} {} (reference {})", request.getMethod(), request.getRequestURI(),
                reference, exception);
        ExceptionDto answer = new ExceptionDto();
        answer.setType(TYPE);
        answer.setMessage(messages.getMessage("pactum.problem.internal.detail", null,
                localeResolver.resolveLocale(request)) + " (" + reference + ")");
        return Response.status(Response.Status.INTERNAL_SERVER_ERROR).entity(answer)
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
