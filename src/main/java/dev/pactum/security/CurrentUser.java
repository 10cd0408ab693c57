package dev.pactum.security;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The user of the current request, as Spring Security authenticated them against Camunda's identity service.
 * Group ids are Camunda group ids ({@code sales}, {@code legal}, ...).
 */
@Component
public class CurrentUser {

    /** Groups whose members see every contract; everyone else (e.g. {@code sales}) sees only their own. */
    static final Set<String> GROUPS_SEEING_ALL_CONTRACTS =
            Set.of("sales-managers", "legal", "finance", "directors", "camunda-admin");

    /** @throws AuthenticationCredentialsNotFoundException when nobody is logged in (answered with 401) */
    public String username() {
        return authenticated().getName();
    }

    /** The user's Camunda group ids; empty when nobody is logged in. */
    public List<String> groups() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!isAuthenticated(authentication)) {
            return List.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    public boolean isMemberOf(String group) {
        return groups().contains(group);
    }

    /** Groups that handle customers' credit data (limit, overdue payments), which feeds the risk score. */
    static final Set<String> GROUPS_HANDLING_CREDIT = Set.of("finance", "directors", "camunda-admin");

    public boolean handlesCredit() {
        return groups().stream().anyMatch(GROUPS_HANDLING_CREDIT::contains);
    }

    /**
     * Groups that keep customers' credit data: they change it (the API's credit update, the workspace's credit form,
     * both guarded by the same rule in {@link SecurityConfiguration}); directors only read it.
     */
    static final Set<String> GROUPS_KEEPING_CREDIT = Set.of("finance", Groups.CAMUNDA_ADMIN);

    public boolean keepsCredit() {
        return groups().stream().anyMatch(GROUPS_KEEPING_CREDIT::contains);
    }

    public boolean seesAllContracts() {
        return groups().stream().anyMatch(GROUPS_SEEING_ALL_CONTRACTS::contains);
    }

    private static Authentication authenticated() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!isAuthenticated(authentication)) {
            throw new AuthenticationCredentialsNotFoundException("No user is logged in");
        }
        return authentication;
    }

    static boolean isAuthenticated(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
