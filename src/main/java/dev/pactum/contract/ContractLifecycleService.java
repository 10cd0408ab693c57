package dev.pactum.contract;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place a contract's status changes. Each change is checked against the status in the database, so a
 * step that arrives out of order (a replayed message, a second process instance) fails instead of moving the
 * contract; each runs in the caller's transaction, the engine's when the lifecycle process calls it.
 */
@Service
@Transactional
public class ContractLifecycleService {

    private static final Set<ContractStatus> MAY_ENTER_APPROVAL = EnumSet.of(ContractStatus.DRAFT,
            ContractStatus.REVISING);
    private static final Set<ContractStatus> MAY_BE_REJECTED = EnumSet.of(ContractStatus.IN_APPROVAL,
            ContractStatus.REVISING);

    private final ContractRepository contracts;

    public ContractLifecycleService(ContractRepository contracts) {
        this.contracts = contracts;
    }

    /** A draft, or a revised contract, enters its next approval round ({@link Contract#getApprovalRound()}). */
    public Contract startApprovalRound(long contractId) {
        Contract contract = locked(contractId);
        requireStatus(contract, MAY_ENTER_APPROVAL);
        contract.enterApprovalRound();
        return contract;
    }

    public Contract returnToOwner(long contractId) {
        return move(contractId, EnumSet.of(ContractStatus.IN_APPROVAL), ContractStatus.REVISING);
    }

    public Contract activate(long contractId) {
        return move(contractId, EnumSet.of(ContractStatus.IN_APPROVAL), ContractStatus.ACTIVE);
    }

    public Contract reject(long contractId) {
        return move(contractId, MAY_BE_REJECTED, ContractStatus.REJECTED);
    }

    /** Applies the owner's revision; what the owner left out stays as it was. */
    public Contract applyRevision(long contractId, ContractRevision revision) {
        Contract contract = locked(contractId);
        requireStatus(contract, EnumSet.of(ContractStatus.REVISING));
        revision.applyTo(contract);
        return contract;
    }

    private Contract move(long contractId, Set<ContractStatus> from, ContractStatus to) {
        Contract contract = locked(contractId);
        requireStatus(contract, from);
        contract.setStatus(to);
        return contract;
    }

    private Contract locked(long contractId) {
        return contracts.findByIdForUpdate(contractId)
                .orElseThrow(() -> new ContractNotFoundException(contractId));
    }

    private static void requireStatus(Contract contract, Set<ContractStatus> allowed) {
        if (!allowed.contains(contract.getStatus())) {
            throw new IllegalContractTransitionException(contract.getNumber(), contract.getStatus(), allowed);
        }
    }
}
