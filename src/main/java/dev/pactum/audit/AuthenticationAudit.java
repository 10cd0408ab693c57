package dev.pactum.audit;

import dev.pactum.audit.AuditEntry.Outcome;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * Logins, failed logins and logouts, from Spring Security's events. Inside an HTTP request they mark the request's
 * {@link AuditScope}, so the request's one row says LOGIN / LOGIN_FAILED / LOGOUT with its address and status.
 *
 * <p>A failed login is recorded with the actor {@code anonymous} and the name that was tried as the object: nobody
 * was authenticated, and the audit trail's actor is only ever an authenticated user. HTTP Basic authenticates every
 * API call anew; those successes are not separate LOGIN rows (each call's own row names its user), their failures
 * are LOGIN_FAILED rows. Company logins (OpenID Connect) say {@code SSO company} in the detail; their failures the
 * OAuth2 error code, and name the user only when the provider vouched for them and Pactum refused.
 */
class AuthenticationAudit {

    private final AuditTrail trail;

    AuthenticationAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        String user = event.getAuthentication().getName();
        String detail = event.getAuthentication() instanceof OAuth2AuthenticationToken sso
                ? "SSO " + sso.getAuthorizedClientRegistrationId() : null;
        mark(AuditedAction.LOGIN.withObjectId(user), user, Outcome.SUCCESS, detail);
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        String tried = event.getAuthentication().getName();
        // A company login's failure is named by its OAuth2 error code (invalid_id_token, account_conflict, ...):
        // never the token, nor the provider's description, which may quote claims.
        String detail = event.getException() instanceof OAuth2AuthenticationException sso
                ? "SSO " + sso.getError().getErrorCode() : event.getException().getClass().getSimpleName();
        mark(AuditedAction.LOGIN_FAILED.withObjectId(tried == null || tried.isBlank() ? null : tried),
                AuditEntry.ANONYMOUS, Outcome.FAILURE, detail);
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
