package dev.pactum.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.net.URI;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 problem+json: a stable {@code type}, a title and detail in the caller's language
 * (Accept-Language, zh-CN by default, English on request) and, for bad input, the fields at fault.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://pactum.dev/problems/";

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MessageSource messages;

    public ProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException e) {
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> fieldError(p.field(), text(p.messageKey(), p.args())))
                .toList();
        return validationProblem(errors);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> problem(DomainException e) {
        HttpStatus status = statusOf(e);
        ProblemDetail detail = problem(status, e.problemType(), text(e.messageKey(), e.args()));
        e.properties().forEach(detail::setProperty);
        return respond(detail);
    }

    /** The HTTP status each kind of domain refusal is answered with, by the API and the pages alike. */
    public static HttpStatus statusOf(DomainException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case PEER_UNAVAILABLE -> HttpStatus.BAD_GATEWAY;
        };
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    ResponseEntity<Object> concurrentChange(RuntimeException e) {
        return respond(problem(HttpStatus.CONFLICT, "concurrent-modification",
                text("pactum.problem.concurrent-modification.detail")));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        log.info("Refused a write that breaks a database constraint: {}", e.getMostSpecificCause().getMessage());
        return respond(problem(HttpStatus.CONFLICT, "conflict", text("pactum.problem.conflict.detail")));
    }

    /** A parameter or header that breaks its constraint (a 201-character {@code q}, a too long Idempotency-Key). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        return validationProblem(e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(violation -> fieldError(lastNode(violation), violation.getMessage()))
                .toList());
    }

    private static String lastNode(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name == null ? violation.getPropertyPath().toString() : name;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return validationProblem(List.of(fieldError(e.getName(), text("pactum.validation.typeMismatch"))));
    }

    private static boolean thrownReadingTheRequest(Throwable e) {
        return Arrays.stream(e.getStackTrace()).anyMatch(frame -> frame.getClassName()
                .equals("org.springframework.web.method.support.HandlerMethodArgumentResolverComposite"));
    }

    private static boolean hasWildcardContentType(HttpServletRequest request) {
        if (request.getContentType() == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(request.getContentType());
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ResponseEntity<Object> unknownSortProperty(PropertyReferenceException e) {
        return validationProblem(List.of(fieldError("sort", text("pactum.validation.sortUnknown", e.getPropertyName()))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof IllegalArgumentException && hasWildcardContentType(request)) {
            // Spring refuses to read a body declared as "*/*" (or "text/*") with a bare IllegalArgumentException; the
            // request is what is wrong: 415, as for any content type the endpoint does not take.
            return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "http-415",
                    "Content-Type " + request.getContentType() + " is not supported"));
        }
        if ((e instanceof IllegalArgumentException || e instanceof RequestRejectedException)
                && thrownReadingTheRequest(e)) {
            // A parameter or body Spring could not turn into the handler's arguments (a sort of "%", a form body
            // whose parameter names the firewall refuses): bad input.
            return validationProblem(List.of());
        }
        log.error("Unexpected error", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", text("pactum.problem.internal.detail")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), messages.getMessage(error, locale)))
                .toList();
        List<Map<String, String>> global = e.getBindingResult().getGlobalErrors().stream()
                .map(error -> fieldError(error.getObjectName(), messages.getMessage(error, locale)))
                .toList();
        return validationProblem(concat(errors, global));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> fieldError(result.getMethodParameter().getParameterName(),
                                messages.getMessage(error, locale))))
                .toList();
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "));
                return validationProblem(List.of(fieldError(field, text("pactum.validation.enumValue", allowed))));
            }
            return validationProblem(List.of(fieldError(field, text("pactum.validation.typeMismatch"))));
        }
        return respond(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                text("pactum.problem.malformed-request.detail")));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // Spring's own errors (405, 406, 415, missing parameter...) keep their status but speak our language.
        // A 5xx says nothing of the server's insides; a 4xx keeps Spring's message (a missing parameter's name).
        ProblemDetail detail = status.is5xxServerError()
                ? problem(status, "internal", text("pactum.problem.internal.detail"))
                : problem(status, "http-" + status.value(), e.getMessage());
        return ResponseEntity.status(status).headers(headers).body(detail);
    }

    private ResponseEntity<Object> validationProblem(List<Map<String, String>> errors) {
        ProblemDetail detail = problem(HttpStatus.BAD_REQUEST, "validation", text("pactum.problem.validation.detail"));
        detail.setProperty("errors", errors);
        return respond(detail);
    }

    private ProblemDetail problem(HttpStatusCode status, String type, String detailText) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, detailText);
        detail.setType(URI.create(TYPE_BASE + type));
        HttpStatus known = HttpStatus.resolve(status.value());
        String fallbackTitle = known != null ? known.getReasonPhrase() : String.valueOf(status.value());
        detail.setTitle(messages.getMessage("pactum.problem." + type + ".title", null, fallbackTitle,
                LocaleContextHolder.getLocale()));
        return detail;
    }

    private static ResponseEntity<Object> respond(ProblemDetail detail) {
        return ResponseEntity.status(detail.getStatus()).body(detail);
    }

    /** Numbers as plain digits: an id or a year must not read "2,026". */
    private String text(String key, Object... args) {
        Object[] plain = args == null ? null : Arrays.stream(args)
                .map(arg -> arg instanceof Number number ? number.toString() : arg).toArray();
        return messages.getMessage(key, plain, key, LocaleContextHolder.getLocale());
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
