package dev.pactum.approval;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.notification.UserDirectory;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends an approval card to every candidate approver of a new approval task who has a Feishu id, once the task is
 * committed (a task the engine rolls back sends nothing). The contract's owner gets none: they may not decide. A
 * card that cannot be sent is logged; the approval notification and Tasklist still reach the approver.
 */
@Component
class ImCardSender {

    private static final Logger log = LoggerFactory.getLogger(ImCardSender.class);

    private final FeishuCards feishu;
    private final ImCardDecisions decisions;
    private final ContractQueries contracts;
    private final UserDirectory users;

    ImCardSender(FeishuCards feishu, ImCardDecisions decisions, ContractQueries contracts, UserDirectory users) {
        this.feishu = feishu;
        this.decisions = decisions;
        this.contracts = contracts;
        this.users = users;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void taskOpened(ApprovalTaskOpened opened) {
        if (!feishu.enabled()) {
            return;
        }
        Contract contract = contracts.get(opened.contractId());
        Set<String> approvers = new LinkedHashSet<>(users.membersOf(opened.candidateGroups()));
        approvers.addAll(opened.candidateUsers());
        approvers.remove(contract.getOwner());
        ImCard card = decisions.cardOf(contract.getId(), opened.taskId());
        for (String approver : approvers) {
            feishu.openIdOf(approver).ifPresent(openId -> {
                try {
                    feishu.send(openId, card);
                } catch (RuntimeException e) {
                    log.warn("Approval card for task {} not sent to {} on Feishu: {}", opened.taskId(), approver,
                            e.toString());
                }
            });
        }
    }
}
