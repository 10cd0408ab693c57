package dev.pactum.contract;

import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.time.LocalDate;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place a contract's status changes. A lifecycle step names its process instance, and acts on the
 * contract bound to that instance (never on one a variable names); each change is checked against the status in
 * the database, so a step that arrives out of order fails instead of moving the contract. Each runs in the
 * caller's transaction, the engine's when the lifecycle process calls it.
 */
@Service
@Transactional
public class ContractLifecycleService {

    private static final Set<ContractStatus> MAY_ENTER_APPROVAL = EnumSet.of(ContractStatus.DRAFT,
            ContractStatus.REVISING);
    private static final Set<ContractStatus> MAY_BE_REJECTED = EnumSet.of(ContractStatus.IN_APPROVAL,
            ContractStatus.REVISING);
    private static final Set<ContractStatus> MAY_BE_TERMINATED = EnumSet.of(ContractStatus.SIGNING,
            ContractStatus.SIGNED, ContractStatus.ACTIVE, ContractStatus.EXPIRING);

    private final ContractRepository contracts;
    private final ContractAmendmentRepository amendments;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProcessBindings bindings;
    @PersistenceContext
    private EntityManager entityManager;

    public ContractLifecycleService(ContractRepository contracts, ContractAmendmentRepository amendments,
                                    ApplicationEventPublisher events, Clock clock, ProcessBindings bindings) {
        this.bindings = bindings;
        this.contracts = contracts;
        this.amendments = amendments;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Binds a draft to the lifecycle instance Pactum just started for it; the instance's steps find the contract
     * by this binding ({@link ContractQueries#ofProcess}), never by a variable.
     */
    public Contract bindProcess(long contractId, String processInstanceId) {
        Contract contract = locked(contractId);
        requireStatus(contract, EnumSet.of(ContractStatus.DRAFT));
        if (contract.getProcessInstanceId() != null) {
            throw new IllegalContractTransitionException(contract.getNumber(), contract.getStatus(), Set.of());
        }
        contract.setProcessInstanceId(processInstanceId);
        bindings.remember(processInstanceId, contractId);
        return contract;
    }

    /** A draft, or a revised contract, enters its next approval round ({@link Contract#getApprovalRound()}). */
    public Contract startApprovalRound(String processInstanceId) {
        Contract contract = locked(processInstanceId);
        requireStatus(contract, MAY_ENTER_APPROVAL);
        ContractStatus from = contract.getStatus();
        contract.enterApprovalRound();
        published(contract, from);
        return contract;
    }

    public Contract returnToOwner(String processInstanceId) {
        return move(processInstanceId, EnumSet.of(ContractStatus.IN_APPROVAL), ContractStatus.REVISING);
    }

    /** Approved: the contract goes out for signature. */
    public Contract startSigning(String processInstanceId) {
        return move(processInstanceId, EnumSet.of(ContractStatus.IN_APPROVAL), ContractStatus.SIGNING);
    }

    /** Both sides signed. */
    public Contract markSigned(String processInstanceId) {
        return move(processInstanceId, EnumSet.of(ContractStatus.SIGNING), ContractStatus.SIGNED);
    }

    /** Signed, and its start date came. */
    public Contract activate(String processInstanceId) {
        return move(processInstanceId, EnumSet.of(ContractStatus.SIGNED), ContractStatus.ACTIVE);
    }

    /** Its term ended without a renewal. */
    public Contract expire(String processInstanceId) {
        return move(processInstanceId, ContractStatus.IN_FORCE, ContractStatus.EXPIRED);
    }

    /** Its renewal window opened: the owner decides whether it is renewed. */
    public Contract openRenewalWindow(String processInstanceId) {
        return move(processInstanceId, EnumSet.of(ContractStatus.ACTIVE), ContractStatus.EXPIRING);
    }

    /** Its term ended and the renewal contract made from it carries on. */
    public Contract markRenewed(String processInstanceId) {
        return move(processInstanceId, EnumSet.of(ContractStatus.EXPIRING), ContractStatus.RENEWED);
    }

    /**
     * Nobody objected to an auto-renewing contract by its notice deadline: its term runs on to {@code newEndDate}
     * and it is ACTIVE again until its next renewal window.
     */
    public Contract autoRenew(String processInstanceId, LocalDate newEndDate) {
        Contract contract = locked(processInstanceId);
        requireStatus(contract, EnumSet.of(ContractStatus.EXPIRING));
        if (!newEndDate.isAfter(contract.getEndDate())) {
            throw new IllegalArgumentException("a renewal must extend the term of " + contract.getNumber());
        }
        contract.setEndDate(newEndDate);
        contract.setStatus(ContractStatus.ACTIVE);
        published(contract, ContractStatus.EXPIRING);
        return contract;
    }

    /**
     * Ends a contract early, from signing on; the caller (who checked who may) then stops its process. Found by id:
     * a termination comes from a user, not from the process.
     */
    public Contract terminate(long contractId) {
        Contract contract = locked(contractId);
        requireStatus(contract, MAY_BE_TERMINATED);
        ContractStatus from = contract.getStatus();
        contract.setStatus(ContractStatus.TERMINATED);
        published(contract, from);
        return contract;
    }

    public Contract reject(String processInstanceId) {
        return move(processInstanceId, MAY_BE_REJECTED, ContractStatus.REJECTED);
    }

    /** Applies the owner's revision; what the owner left out stays as it was. */
    public Contract applyRevision(String processInstanceId, ContractRevision revision) {
        Contract contract = locked(processInstanceId);
        requireStatus(contract, EnumSet.of(ContractStatus.REVISING));
        revision.applyTo(contract);
        return contract;
    }

    /**
     * The amendment bound to this approval instance enters its own approval round of its contract, which must be in
     * force; the contract's status does not change.
     */
    public Contract startAmendmentRound(String processInstanceId) {
        ContractAmendment amendment = openAmendment(processInstanceId);
        Contract contract = locked(amendment.getContractId());
        requireStatus(contract, ContractStatus.IN_FORCE);
        if (amendment.getApprovalRound() != null) {
            throw new IllegalContractTransitionException(contract.getNumber(), contract.getStatus(), Set.of());
        }
        contract.enterAmendmentRound();
        amendment.enterRound(contract.getApprovalRound());
        return contract;
    }

    /**
     * Approved: the amendment's values become the contract's (its next version). Checked again against the contract
     * as it is now; a contract no longer in force is not changed.
     */
    public Contract applyAmendment(String processInstanceId) {
        ContractAmendment amendment = openAmendment(processInstanceId);
        Contract contract = locked(amendment.getContractId());
        requireStatus(contract, ContractStatus.IN_FORCE);
        List<FieldProblem> problems = ContractAmendments.problems(contract, amendment.getNewAmount(),
                amendment.getNewEndDate(), amendment.getNewMilestones());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        amendment.applyTo(contract);
        amendment.decide(AmendmentStatus.APPROVED, clock.instant());
        return contract;
    }

    /** Rejected (or sent back, which an amendment cannot be): the contract stays as it is. */
    public ContractAmendment rejectAmendment(String processInstanceId) {
        ContractAmendment amendment = openAmendment(processInstanceId);
        amendment.decide(AmendmentStatus.REJECTED, clock.instant());
        return amendment;
    }

    private ContractAmendment openAmendment(String processInstanceId) {
        return amendments.findByProcessInstanceId(processInstanceId)
                .filter(amendment -> amendment.getStatus() == AmendmentStatus.IN_APPROVAL)
                .orElseThrow(() -> new ContractProcessRefusedException("pactum.process.notBound", processInstanceId));
    }

    private Contract move(String processInstanceId, Set<ContractStatus> from, ContractStatus to) {
        Contract contract = locked(processInstanceId);
        requireStatus(contract, from);
        ContractStatus was = contract.getStatus();
        contract.setStatus(to);
        published(contract, was);
        return contract;
    }

    private void published(Contract contract, ContractStatus from) {
        events.publishEvent(new ContractStatusChanged(contract.getId(), contract.getNumber(), from,
                contract.getStatus(), contract.getProcessInstanceId()));
    }

    private Contract locked(long contractId) {
        return lockedIfPresent(contractId).orElseThrow(() -> new ContractNotFoundException(contractId));
    }

    /**
     * The contract, its row locked until the transaction ends ({@code select ... for update}, or only the lock when
     * the session already holds it). By id rather than by a query: a query first flushes the session's pending
     * changes, which a status change does not need (they are written at commit as before).
     */
    private Optional<Contract> lockedIfPresent(long contractId) {
        return Optional.ofNullable(entityManager.find(Contract.class, contractId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The contract bound to this process instance, locked; none bound means the instance may not act. */
    private Contract locked(String processInstanceId) {
        return bindings.boundTo(contracts, amendments, processInstanceId, this::lockedIfPresent)
                .orElseThrow(() -> new ContractProcessRefusedException("pactum.process.notBound", processInstanceId));
    }

    private static void requireStatus(Contract contract, Set<ContractStatus> allowed) {
        if (!allowed.contains(contract.getStatus())) {
            throw new IllegalContractTransitionException(contract.getNumber(), contract.getStatus(), allowed);
        }
    }
}
