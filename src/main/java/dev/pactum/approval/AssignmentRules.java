package dev.pactum.approval;

import dev.pactum.contract.Contract;
import dev.pactum.notification.UserDirectory;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may hold an approval task, whichever door assigns it (Tasklist's claim, the engine REST API's assignee,
 * Pactum's delegation, an escalation): a member of one of its candidate groups, a candidate user, the registered
 * deputy of one of them, or the manager configured for one of its groups; never the contract's owner.
 */
@Component
class AssignmentRules {

    private final UserDirectory users;
    private final Deputies deputies;
    private final ApprovalProperties properties;

    AssignmentRules(UserDirectory users, Deputies deputies, ApprovalProperties properties) {
        this.users = users;
        this.deputies = deputies;
        this.properties = properties;
    }

    /** Why {@code assignee} may not hold the task, as a message key; empty when they may. */
    Optional<String> refusal(Contract contract, Collection<String> candidateGroups,
                             Collection<String> candidateUsers, String assignee) {
        if (contract.isOwnedBy(assignee)) {
            return Optional.of("pactum.approval.ownContract");
        }
        Set<String> entitled = new HashSet<>(users.membersOf(candidateGroups));
        entitled.addAll(candidateUsers);
        if (entitled.contains(assignee) || deputies.isRegisteredDeputyOfAny(assignee, entitled)) {
            return Optional.empty();
        }
        boolean manager = candidateGroups.stream().map(properties.groupManagers()::get)
                .anyMatch(assignee::equals);
        return manager ? Optional.empty() : Optional.of("pactum.approval.notEntitled");
    }
}
