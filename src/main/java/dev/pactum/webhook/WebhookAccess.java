package dev.pactum.webhook;

import dev.pactum.security.BearerTokens;
import dev.pactum.security.CurrentUser;
import dev.pactum.web.DomainException;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;

/**
 * Who manages webhooks: an admin in person, or a service account's API token with the {@code webhooks} scope (a token
 * of an admin account without that scope may not: the scope is the grant, given by an admin when issuing it).
 */
@Component
class WebhookAccess {

    static final String SCOPE = "webhooks";

    private final CurrentUser currentUser;

    WebhookAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    void require() {
        List<String> groups = currentUser.groups();
        boolean token = groups.stream().anyMatch(group -> group.startsWith(BearerTokens.SCOPE_PREFIX));
        boolean allowed = token ? groups.contains(BearerTokens.SCOPE_PREFIX + SCOPE)
                : groups.contains(Groups.CAMUNDA_ADMIN);
        if (!allowed) {
            throw DomainException.forbidden("pactum.webhook.adminsOnly");
        }
    }

    String who() {
        return currentUser.username();
    }
}
