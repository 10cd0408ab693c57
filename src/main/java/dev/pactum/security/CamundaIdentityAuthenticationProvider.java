package dev.pactum.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Camunda's identity service, the one place users and groups live, after
 * asking {@link LoginThrottle} whether this address may try this account now. The authorities of the resulting
 * authentication are the user's Camunda group ids exactly as they are ({@code sales}, {@code camunda-admin}), with no
 * {@code ROLE_} or {@code GROUP_} prefix, so {@code hasAuthority("legal")} reads like the group in Camunda Admin.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final PasswordVerifier passwords;
    private final LoginThrottle throttle;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService, PasswordVerifier passwords,
            LoginThrottle throttle) {
        this.identityService = identityService;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || username.isBlank() || credentials == null) {
            throw new BadCredentialsException("Missing user name or password");
        }
        String source = LoginDetails.sourceOf(authentication.getDetails());
        // A locked attempt is refused before the password is looked at: it neither costs a hash nor counts.
        throttle.lockedUntil(source, username).ifPresent(until -> {
            throw new LoginThrottledException(until);
        });
        if (!passwords.matches(username, credentials.toString())) {
            throttle.failed(source, username);
            throw new BadCredentialsException("Bad user name or password");
        }
        throttle.succeeded(source, username);
        List<GrantedAuthority> groups = identityService.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(username, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
