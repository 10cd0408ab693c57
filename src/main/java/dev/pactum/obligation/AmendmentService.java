package dev.pactum.obligation;

import dev.pactum.contract.AmendmentRequest;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractAmendment;
import dev.pactum.contract.ContractAmendments;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.PaymentMilestone;
import dev.pactum.security.CurrentUser;
import dev.pactum.web.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may amend a contract in force (补充协议): its owner, the owners' managers and admins. A user who may not see
 * the contract gets not-found, as everywhere; one who sees it but may not amend it is refused.
 */
@Service
@Transactional
public class AmendmentService {

    private static final String ADMIN_GROUP = "camunda-admin";

    private final ContractQueries contracts;
    private final ContractAmendments amendments;
    private final ObligationProperties obligation;
    private final CurrentUser currentUser;
    private final MilestoneAccountRepository accounts;

    AmendmentService(ContractQueries contracts, ContractAmendments amendments, ObligationProperties obligation,
                     CurrentUser currentUser, MilestoneAccountRepository accounts) {
        this.accounts = accounts;
        this.contracts = contracts;
        this.amendments = amendments;
        this.obligation = obligation;
        this.currentUser = currentUser;
    }

    public AmendmentView request(long contractId, AmendmentRequest request) {
        Contract contract = contracts.visible(contractId);
        String user = currentUser.username();
        if (!contract.isOwnedBy(user) && !currentUser.isMemberOf(obligation.managersGroup())
                && !currentUser.isMemberOf(ADMIN_GROUP)) {
            throw DomainException.forbidden("pactum.amendment.notAllowed", contract.getNumber());
        }
        List<MilestoneAccount> opened = accounts.findByContract(contract.getId());
        ContractAmendments.ScheduleLocks locks = new ContractAmendments.ScheduleLocks(opened.stream()
                .filter(account -> account.getReceived().signum() > 0).map(MilestoneAccount::milestoneNo)
                .collect(java.util.stream.Collectors.toSet()),
                opened.stream().mapToInt(MilestoneAccount::milestoneNo).max().orElse(0));
        return view(amendments.request(contract, request, user, locks));
    }

    @Transactional(readOnly = true)
    public List<AmendmentView> list(long contractId) {
        return amendments.of(contracts.visible(contractId)).stream().map(AmendmentService::view).toList();
    }

    private static AmendmentView view(ContractAmendment a) {
        return new AmendmentView(a.getId(), a.getSequence(), a.getStatus().name(), a.getReason(), a.getNewAmount(),
                a.getPreviousAmount(), a.getNewEndDate(), a.getPreviousEndDate(), a.getNewClauses(),
                a.getNewMilestones(), a.getPreviousMilestones(), a.getApprovalRound(), a.getRequestedBy(),
                a.getRequestedAt(), a.getDecidedAt());
    }

    /** An amendment as the API shows it: what it changes (null: unchanged) beside what that replaces. */
    public record AmendmentView(Long id, int sequence, String status, String reason, BigDecimal amount,
                                BigDecimal previousAmount, LocalDate endDate, LocalDate previousEndDate,
                                Map<String, String> clauses, List<PaymentMilestone> milestones,
                                List<PaymentMilestone> previousMilestones, Integer approvalRound, String requestedBy,
                                Instant requestedAt, Instant decidedAt) {
    }
}
