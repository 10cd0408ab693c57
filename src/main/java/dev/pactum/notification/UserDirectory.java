package dev.pactum.notification;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/**
 * Users and groups as Camunda's identity service keeps them. Looks them up without the engine's authorization
 * checks: a notification caused by an approver in Tasklist must reach the owner even though the approver may
 * not read other users.
 */
@Component
public class UserDirectory {

    private final ProcessEngineConfigurationImpl engine;

    public UserDirectory(ProcessEngineConfiguration engine) {
        this.engine = (ProcessEngineConfigurationImpl) engine;
    }

    public boolean exists(String userId) {
        return userId != null && !userId.isBlank() && user(userId).isPresent();
    }

    public Optional<String> emailOf(String userId) {
        return user(userId).map(User::getEmail).filter(email -> !email.isBlank());
    }

    /** The members of the groups, distinct, sorted by id. */
    public List<String> membersOf(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return unchecked(context -> groupIds.stream()
                .flatMap(group -> context.getReadOnlyIdentityProvider().createUserQuery(context)
                        .memberOfGroup(group).list().stream())
                .map(User::getId).distinct().sorted().toList());
    }

    private Optional<User> user(String userId) {
        return Optional.ofNullable(unchecked(context ->
                context.getReadOnlyIdentityProvider().createUserQuery(context).userId(userId).singleResult()));
    }

    /** Queries bound to one command context, so switching its authorization checks off applies to them. */
    private <T> T unchecked(Command<T> query) {
        return engine.getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(() -> query.execute(context)));
    }
}
