package dev.pactum.audit;

import java.time.Instant;

/**
 * Which rows to read; every part is optional and they combine with AND.
 *
 * @param user       the actor, exactly
 * @param action     the action, e.g. {@code CONTRACT_VIEW} (case does not matter)
 * @param objectType e.g. {@code contract}
 * @param objectId   e.g. {@code 12}
 * @param outcome    SUCCESS, FAILURE or DENIED
 * @param from       at or after this moment
 * @param to         before this moment
 */
public record AuditQuery(String user, String action, String objectType, String objectId, String outcome,
                         Instant from, Instant to) {
}
