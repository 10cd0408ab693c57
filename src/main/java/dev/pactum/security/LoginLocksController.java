package dev.pactum.security;

import dev.pactum.web.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** For {@code camunda-admin} (enforced in SecurityConfiguration): see and lift the locks failed logins caused. */
@RestController
@Tag(name = "Login locks", description = "登录锁定 · failed-login locks (camunda-admin only)")
class LoginLocksController {

    private final LoginThrottle throttle;
    private final IdentityService identityService;

    LoginLocksController(LoginThrottle throttle, IdentityService identityService) {
        this.throttle = throttle;
        this.identityService = identityService;
    }

    @GetMapping("/api/admin/login-locks")
    @Operation(summary = "Accounts, addresses and address/account pairs locked now, latest first")
    List<LoginThrottle.Lock> locks() {
        return throttle.locks();
    }

    @PostMapping("/api/admin/users/{id}/unlock")
    @Operation(summary = "Lift every lock on the user's logins, Pactum's and any Camunda set before")
    Unlocked unlock(@PathVariable String id) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            throw DomainException.notFound("pactum.security.userNotFound", id);
        }
        boolean throttled = throttle.unlock(id);
        identityService.unlockUser(id);
        return new Unlocked(id, throttled);
    }

    /** @param hadFailures whether the user had failed logins counted, locked or not */
    record Unlocked(String userId, boolean hadFailures) {
    }
}
