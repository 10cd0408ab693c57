package dev.pactum.approval;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.notification.UserDirectory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends an approval card to every candidate approver of a new approval task on each IM where they have an id (Feishu,
 * DingTalk, WeCom), once the task is
 * committed (a task the engine rolls back sends nothing). The contract's owner gets none: they may not decide. A
 * card that cannot be sent is logged; the approval notification and Tasklist still reach the approver.
 */
@Component
class ImCardSender {

    private static final Logger log = LoggerFactory.getLogger(ImCardSender.class);

    private final List<ImCardChannel> channels;
    private final ImCardDecisions decisions;
    private final ContractQueries contracts;
    private final UserDirectory users;

    ImCardSender(List<ImCardChannel> channels, ImCardDecisions decisions, ContractQueries contracts,
                 UserDirectory users) {
        this.channels = channels;
        this.decisions = decisions;
        this.contracts = contracts;
        this.users = users;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void taskOpened(ApprovalTaskOpened opened) {
        List<ImCardChannel> enabled = channels.stream().filter(ImCardChannel::enabled).toList();
        if (enabled.isEmpty()) {
            return;
        }
        Contract contract = contracts.get(opened.contractId());
        Set<String> approvers = new LinkedHashSet<>(users.membersOf(opened.candidateGroups()));
        approvers.addAll(opened.candidateUsers());
        approvers.remove(contract.getOwner());
        ImCard card = decisions.cardOf(contract.getId(), opened.taskId());
        for (ImCardChannel channel : enabled) {
            for (String approver : approvers) {
                channel.imUserOf(approver).ifPresent(imUser -> {
                    try {
                        channel.send(imUser, card);
                    } catch (RuntimeException e) {
                        log.warn("Approval card for task {} not sent to {} on {}: {}", opened.taskId(), approver,
                                channel.provider(), e.toString());
                    }
                });
            }
        }
    }
}
