package dev.pactum.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One action to record, before it is sealed into the chain. Text is cut to the column sizes here, and the time to
 * the database's microseconds, so what is hashed on append is exactly what is read back on verification.
 *
 * @param occurredAt         when the action was asked for
 * @param actor              the authenticated user; {@code anonymous} for failed logins, {@code system} for the
 *                           engine acting on its own (timers, escalations). Never a name taken from a request body.
 * @param sourceIp           the client's address (see {@link SourceAddress}); null when not from HTTP
 * @param action             what was done, e.g. {@code CONTRACT_VIEW}, {@code TASK_COMPLETE}, {@code LOGIN_FAILED}
 * @param objectType         what it was done to, e.g. {@code contract}, {@code task}, {@code user}
 * @param objectId           which one
 * @param outcome            how it ended
 * @param httpStatus         the response status, when the action came over HTTP
 * @param engineOperationIds Camunda's operation ids (ACT_HI_OP_LOG.OPERATION_ID_), comma-separated
 * @param beforeState        JSON object: the changed values before, by object ({@code "Contract#12": {...}})
 * @param afterState         JSON object: the same values after
 * @param detail             anything else worth keeping (query string, reason of a failure)
 */
public record AuditEntry(Instant occurredAt, String actor, String sourceIp, String action, String objectType,
                         String objectId, Outcome outcome, Integer httpStatus, String httpMethod, String requestPath,
                         String engineOperationIds, String beforeState, String afterState, String detail) {

    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";

    public enum Outcome {
        SUCCESS, FAILURE, DENIED;

        static Outcome ofStatus(int status) {
            if (status == 401 || status == 403) {
                return DENIED;
            }
            return status >= 400 ? FAILURE : SUCCESS;
        }
    }

    public AuditEntry {
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        // Only null becomes "anonymous": every other value must read back exactly as written, or a row changed to
        // a value this constructor would normalise could pass verification.
        actor = cut(actor == null ? ANONYMOUS : actor, 100);
        beforeState = cut(beforeState, Integer.MAX_VALUE);
        afterState = cut(afterState, Integer.MAX_VALUE);
        sourceIp = cut(sourceIp, 64);
        action = cut(action, 64);
        objectType = cut(objectType, 64);
        objectId = cut(objectId, 200);
        httpMethod = cut(httpMethod, 10);
        requestPath = cut(requestPath, 1000);
        engineOperationIds = cut(engineOperationIds, 1000);
        detail = cut(detail, 2000);
    }

    /** An action without HTTP: the engine's or a scheduled job's. */
    public static AuditEntry system(String actor, String action, String objectType, String objectId,
                                    String beforeState, String afterState, String detail) {
        return new AuditEntry(Instant.now(), actor, null, action, objectType, objectId, Outcome.SUCCESS, null, null,
                null, null, beforeState, afterState, detail);
    }

    /**
     * Cuts text to a column's size (without splitting a character) and replaces NUL, which PostgreSQL refuses in
     * text: a user name or path tried in an attack must still be recordable.
     */
    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\u0000') >= 0 ? value.replace('\u0000', '\uFFFD') : value;
        if (clean.length() <= max) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(max - 2)) ? max - 2 : max - 1;
        return clean.substring(0, end) + "…";
    }
}
