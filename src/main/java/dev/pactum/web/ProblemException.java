package dev.pactum.web;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, said in a way the client can act on: the status, a stable problem type and a
 * message key resolved in the caller's language by {@link ProblemHandler}.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String messageKey;
    private final transient Object[] args;

    private ProblemException(HttpStatus status, String type, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.type = type;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** Missing, or not the caller's to see: the two are answered alike so nothing leaks. */
    public static ProblemException notFound(String messageKey, Object... args) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", messageKey, args);
    }

    /** Valid, but it clashes with the current state (wrong status, duplicate). */
    public static ProblemException conflict(String messageKey, Object... args) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", messageKey, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
