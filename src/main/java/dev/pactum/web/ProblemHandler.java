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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error as RFC 9457 problem+json: a stable {@code type}, a title and detail in the caller's language
 * (Accept-Language, zh-CN by default, English on request) and, for bad input, the fields at fault.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://pactum.dev/problems/";

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final MessageSource messages;
    private final List<RequestChecks<?>> requestChecks;

    public ProblemHandler(MessageSource messages, List<RequestChecks<?>> requestChecks) {
        this.messages = messages;
        this.requestChecks = List.copyOf(requestChecks);
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
                .map(error -> fieldError(error.getField(), messages.getMessage(plain(error), locale)))
                .toList();
        List<Map<String, String>> global = e.getBindingResult().getGlobalErrors().stream()
                .map(error -> fieldError(error.getObjectName(), messages.getMessage(plain(error), locale)))
                .toList();
        java.util.Set<String> invalid = e.getBindingResult().getFieldErrors().stream()
                .map(org.springframework.validation.FieldError::getField)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        return validationProblem(concat(concat(errors, global),
                furtherProblems(e.getBindingResult().getTarget(), invalid)));
    }

    /** The body's other checks ({@link RequestChecks}), so that one answer lists every fault. */
    @SuppressWarnings("unchecked")
    private List<Map<String, String>> furtherProblems(@Nullable Object body, java.util.Set<String> invalidFields) {
        if (body == null) {
            return List.of();
        }
        return requestChecks.stream()
                .filter(checks -> checks.type().isInstance(body))
                .flatMap(checks -> ((RequestChecks<Object>) checks).problems(body, invalidFields).stream())
                .filter(p -> !invalidFields.contains(p.field()))
                .map(p -> fieldError(p.field(), text(p.messageKey(), p.args())))
                .toList();
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> fieldError(result.getMethodParameter().getParameterName(),
                                messages.getMessage(plain(error), locale))))
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
        // An address nothing answers is a 404 like any other, said in the caller's language.
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(headers)
                    .body(problem(HttpStatus.NOT_FOUND, "not-found", text("pactum.problem.no-such-path.detail")));
        }
        ProblemDetail detail = status.is5xxServerError()
                ? problem(status, "internal", text("pactum.problem.internal.detail"))
                : problem(status, "http-" + status.value(), springDetail(e));
        return ResponseEntity.status(status).headers(headers).body(detail);
    }

    /**
     * Spring's refusal in the caller's language where the bundles translate it ({@code problemDetail.} + the
     * exception's class, Spring's own convention), else Spring's English text.
     */
    private String springDetail(Exception e) {
        if (e instanceof ErrorResponse response) {
            Locale locale = LocaleContextHolder.getLocale();
            String translated = messages.getMessage(response.getDetailMessageCode(),
                    plainArgs(response.getDetailMessageArguments(messages, locale)), null, locale);
            if (translated != null) {
                return translated;
            }
        }
        return e.getMessage();
    }

    private ResponseEntity<Object> validationProblem(List<Map<String, String>> errors) {
        ProblemDetail detail = problem(HttpStatus.BAD_REQUEST, "validation", text("pactum.problem.validation.detail"));
        // A stable order, whatever order the checks ran in: by field (milestones[2] before milestones[10]), and for
        // one field in the order its checks found them.
        detail.setProperty("errors", errors.stream().sorted(Comparator.comparing(
                (Map<String, String> error) -> naturalKey(error.get("field")))).toList());
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
        return messages.getMessage(key, plainArgs(args), key, LocaleContextHolder.getLocale());
    }

    @Nullable
    private static Object[] plainArgs(@Nullable Object[] args) {
        return args == null ? null : Arrays.stream(args)
                .map(arg -> arg instanceof Number number ? number.toString() : arg).toArray();
    }

    /** A constraint's message with its limits as plain digits ({@code @Size(max = 20000)} reads 20000, not 20,000). */
    private static MessageSourceResolvable plain(MessageSourceResolvable error) {
        return new DefaultMessageSourceResolvable(error.getCodes(), plainArgs(error.getArguments()),
                error.getDefaultMessage());
    }

    /** The field with each run of digits padded, so that numbers in it sort by value. */
    private static String naturalKey(@Nullable String field) {
        if (field == null) {
            return "";
        }
        Matcher digits = DIGITS.matcher(field);
        StringBuilder key = new StringBuilder();
        while (digits.find()) {
            digits.appendReplacement(key, "0".repeat(Math.max(0, 10 - digits.group().length())) + digits.group());
        }
        digits.appendTail(key);
        return key.toString();
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
