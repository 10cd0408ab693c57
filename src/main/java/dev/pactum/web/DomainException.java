package dev.pactum.web;

import java.util.Arrays;
import java.util.Map;

/**
 * A request a service cannot serve, said in domain terms: what kind of refusal it is and a message key with its
 * arguments. {@link ProblemHandler} alone turns it into problem+json (status, stable type, the message in the
 * caller's language); services never speak HTTP.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal: the API answers each with its own status and problem type. */
    public enum Kind {
        /** Missing, or not the caller's to see: the two are answered alike so nothing leaks. */
        NOT_FOUND,
        /** Valid, but it clashes with the current state (wrong status, duplicate). */
        CONFLICT,
        /** The caller may see the object but not do this to it. */
        FORBIDDEN,
        /** The request is malformed for this operation (the fields themselves were fine). */
        INVALID,
        /** Well-formed, but its content cannot be used (e.g. rules that do not compile). */
        UNPROCESSABLE,
        /** More than the server accepts in one request. */
        TOO_LARGE,
        /** The request does not prove who sent it (e.g. a machine's event with a bad or stale signature). */
        UNAUTHORIZED,
        /** Another system this request needs (the CRM, finance) did not answer usefully; trying later may help. */
        PEER_UNAVAILABLE
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] args;

    protected DomainException(Kind kind, String messageKey, Object... args) {
        super(messageKey + " " + Arrays.toString(args));
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args;
    }

    public static DomainException notFound(String messageKey, Object... args) {
        return new DomainException(Kind.NOT_FOUND, messageKey, args);
    }

    public static DomainException conflict(String messageKey, Object... args) {
        return new DomainException(Kind.CONFLICT, messageKey, args);
    }

    public static DomainException unprocessable(String messageKey, Object... args) {
        return new DomainException(Kind.UNPROCESSABLE, messageKey, args);
    }

    public static DomainException forbidden(String messageKey, Object... args) {
        return new DomainException(Kind.FORBIDDEN, messageKey, args);
    }

    public static DomainException unauthorized(String messageKey, Object... args) {
        return new DomainException(Kind.UNAUTHORIZED, messageKey, args);
    }

    public static DomainException peerUnavailable(String messageKey, Object... args) {
        return new DomainException(Kind.PEER_UNAVAILABLE, messageKey, args);
    }

    public Kind kind() {
        return kind;
    }

    /** The stable last part of the problem {@code type} URI; its title is message {@code pactum.problem.<type>.title}. */
    public String problemType() {
        return switch (kind) {
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case FORBIDDEN -> "forbidden";
            case INVALID -> "validation";
            case UNPROCESSABLE -> "unprocessable";
            case TOO_LARGE -> "too-large";
            case UNAUTHORIZED -> "unauthorized";
            case PEER_UNAVAILABLE -> "peer-unavailable";
        };
    }

    /** Extra members of the problem body, e.g. the list of errors a rule file has. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
