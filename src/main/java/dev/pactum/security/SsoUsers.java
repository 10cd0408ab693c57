package dev.pactum.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a person the company's provider vouched for (Spring Security has checked the ID token's signature, issuer,
 * audience, expiry and nonce by now) into a Pactum user: the id is the configured claim, the groups are the mapped
 * provider groups. The user and their memberships are written to Camunda's identity service, where every other part
 * of Pactum (engine authorizations, Tasklist's candidate groups, deputies, the owner checks) looks users up.
 *
 * <p>The provider is the source of truth for its users: at each sign-in their memberships become exactly the mapped
 * groups, so a group removed at the provider is removed in Pactum at the next sign-in. An SSO user is marked in
 * Camunda with the provider's issuer and subject; a Pactum id that belongs to a local account (with a password, or
 * created in Camunda Admin) or to another subject is refused, so nobody at the provider can take over {@code admin}.
 */
class SsoUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(SsoUsers.class);

    /** Camunda user info key (table ACT_ID_INFO) holding {@code <issuer> <subject>} of an SSO user. */
    static final String SUBJECT_KEY = "pactum.sso.subject";

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final IdentityService identityService;
    private final SsoProperties properties;

    SsoUsers(IdentityService identityService, SsoProperties properties) {
        this(new OidcUserService(), identityService, properties);
    }

    SsoUsers(OAuth2UserService<OidcUserRequest, OidcUser> provider, IdentityService identityService,
            SsoProperties properties) {
        this.provider = provider;
        this.identityService = identityService;
        this.properties = properties;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser vouched = provider.loadUser(request);
        String userId = vouched.getClaimAsString(properties.userIdClaim());
        if (userId == null || userId.isBlank()) {
            throw refused("missing_user_id", null, "The provider sent no " + properties.userIdClaim() + " claim");
        }
        if (userId.startsWith("svc-")) {
            throw refused("account_conflict", userId, "Pactum ids starting with svc- are service accounts");
        }
        String subject = vouched.getIdToken().getIssuer() + " " + vouched.getSubject();
        Set<String> groups = mappedGroups(vouched.getClaim(properties.groupsClaim()));
        synchronise(userId, subject, vouched, groups);
        List<GrantedAuthority> authorities = groups.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        return new DefaultOidcUser(authorities, vouched.getIdToken(), vouched.getUserInfo(), properties.userIdClaim());
    }

    /** The Pactum groups the provider's groups map to; unmapped provider groups and unknown Pactum groups give none. */
    Set<String> mappedGroups(Object claim) {
        Collection<?> providerGroups = claim instanceof Collection<?> many ? many
                : claim instanceof String one ? List.of(one) : List.of();
        Set<String> groups = new LinkedHashSet<>();
        for (Object providerGroup : providerGroups) {
            for (String group : properties.groupMapping().getOrDefault(String.valueOf(providerGroup), List.of())) {
                if (identityService.createGroupQuery().groupId(group).count() == 1) {
                    groups.add(group);
                } else {
                    log.warn("Company login: pactum.sso.group-mapping names the group {}, which Pactum does not have",
                            group);
                }
            }
        }
        return groups;
    }

    private void synchronise(String userId, String subject, OidcUser vouched, Set<String> groups) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identityService.newUser(userId);
        } else if (user.getPassword() != null || !subject.equals(identityService.getUserInfo(userId, SUBJECT_KEY))) {
            throw refused("account_conflict", userId, "The Pactum user " + userId
                    + " is a local account or belongs to another person at the provider");
        }
        user.setFirstName(vouched.getGivenName() != null ? vouched.getGivenName() : vouched.getFullName());
        user.setLastName(vouched.getFamilyName());
        user.setEmail(vouched.getEmail());
        try {
            // No password: an SSO user signs in at the provider only, so there is no password for a policy to check.
            ((IdentityServiceImpl) identityService).saveUser(user, true);
        } catch (ProcessEngineException e) {
            throw refused("invalid_user_id", userId, "Camunda does not accept the user id: " + e.getMessage());
        }
        identityService.setUserInfo(userId, SUBJECT_KEY, subject);
        Set<String> current = new LinkedHashSet<>(identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).toList());
        for (String group : current) {
            if (!groups.contains(group)) {
                identityService.deleteMembership(userId, group);
            }
        }
        for (String group : groups) {
            if (!current.contains(group)) {
                identityService.createMembership(userId, group);
            }
        }
    }

    private static SsoLoginRefusedException refused(String code, String userId, String reason) {
        return new SsoLoginRefusedException(new OAuth2Error(code, reason, null), userId);
    }

    /** A sign-in the provider vouched for that Pactum refuses; names the user id when there is one. */
    static final class SsoLoginRefusedException extends OAuth2AuthenticationException {

        private final String userId;

        SsoLoginRefusedException(OAuth2Error error, String userId) {
            super(error, error.getDescription());
            this.userId = userId;
        }

        String userId() {
            return userId;
        }
    }
}
