package dev.pactum.web;

import java.util.Arrays;

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
        FORBIDDEN
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

    public static DomainException forbidden(String messageKey, Object... args) {
        return new DomainException(Kind.FORBIDDEN, messageKey, args);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
