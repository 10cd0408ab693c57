package dev.pactum.audit;

import dev.pactum.audit.AuditEntry.Outcome;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;

/**
 * Logins, failed logins and logouts, from Spring Security's events. Inside an HTTP request they mark the request's
 * {@link AuditScope}, so the request's one row says LOGIN / LOGIN_FAILED / LOGOUT with its address and status.
 *
 * <p>A failed login is recorded with the actor {@code anonymous} and the name that was tried as the object: nobody
 * was authenticated, and the audit trail's actor is only ever an authenticated user. HTTP Basic authenticates every
 * API call anew; those successes are not separate LOGIN rows (each call's own row names its user), their failures
 * are LOGIN_FAILED rows.
 */
class AuthenticationAudit {

    private final AuditTrail trail;

    AuthenticationAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        String user = event.getAuthentication().getName();
        mark(AuditedAction.LOGIN.withObjectId(user), user, Outcome.SUCCESS, null);
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        String tried = event.getAuthentication().getName();
        mark(AuditedAction.LOGIN_FAILED.withObjectId(tried == null || tried.isBlank() ? null : tried),
                AuditEntry.ANONYMOUS, Outcome.FAILURE, event.getException().getClass().getSimpleName());
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        String user = event.getAuthentication().getName();
        mark(AuditedAction.LOGOUT.withObjectId(user), user, Outcome.SUCCESS, null);
    }

    private void mark(AuditedAction action, String actor, Outcome outcome, String detail) {
        AuditScope scope = AuditScope.current();
        if (scope != null) {
            scope.securityEvent(action, actor, outcome, detail);
            return;
        }
        // Outside a request (an authentication started by code): record it on its own, without an address.
        trail.record(new AuditEntry(Instant.now(), actor, null, action.action(), action.objectType(),
                action.objectId(), outcome, null, null, null, null, null, null, detail));
    }
}
