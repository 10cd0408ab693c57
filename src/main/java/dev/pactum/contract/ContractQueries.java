package dev.pactum.contract;

import dev.pactum.security.CurrentUser;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading contracts: as the current user may ({@link #visible}, {@link #search}: a sales user sees their own,
 * reviewers see all), or as the system does for the process and the rules ({@link #get}, {@link #newest}).
 */
@Service
@Transactional(readOnly = true)
public class ContractQueries {

    private final ContractRepository contracts;
    private final ContractAmendmentRepository amendments;
    private final CurrentUser currentUser;
    private final ProcessBindings bindings;

    public ContractQueries(ContractRepository contracts, ContractAmendmentRepository amendments,
                           CurrentUser currentUser, ProcessBindings bindings) {
        this.contracts = contracts;
        this.amendments = amendments;
        this.currentUser = currentUser;
        this.bindings = bindings;
    }

    /** The contract, whoever asks: for the process and other features acting for the system, not for users. */
    public Contract get(long id) {
        return contracts.findById(id).orElseThrow(() -> new ContractNotFoundException(id));
    }

    /**
     * The contract bound to a lifecycle instance (see {@link ContractLifecycleService#bindProcess}), or to the
     * approval instance of one of its amendments ({@link ContractAmendments}).
     */
    public Contract ofProcess(String processInstanceId) {
        return bindings.boundTo(contracts, amendments, processInstanceId, contracts::findById)
                .orElseThrow(() -> new ContractProcessRefusedException("pactum.process.notBound", processInstanceId));
    }

    /** The contract with this number (HT-2026-000123), whoever asks: for the system, not for users. */
    public Optional<Contract> byNumber(String number) {
        return contracts.findByNumber(number);
    }

    /** The customer's contracts whose text may still change: drafts, those in approval and those being revised. */
    public List<Contract> openOfCustomer(long customerId) {
        return contracts.findByCustomerIdAndStatusInOrderById(customerId,
                EnumSet.of(ContractStatus.DRAFT, ContractStatus.IN_APPROVAL, ContractStatus.REVISING));
    }

    /** The owner's contracts in one of the statuses, whoever asks: for features acting for that owner. */
    public List<Contract> ownedBy(String owner, Collection<ContractStatus> statuses) {
        return contracts.findByOwnerAndStatusInOrderById(owner, statuses);
    }

    /** The contracts with these ids, whoever asks: for the system, not for users. */
    public List<Contract> all(Collection<Long> ids) {
        return contracts.findAllById(ids);
    }

    /** The newest contracts, newest first (what-if replays run over them). */
    public List<Contract> newest(int count) {
        return contracts.findAll(PageRequest.of(0, count,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))).getContent();
    }

    /** How many other contracts of the same customer both sides signed: the customer's track record. */
    public long countOtherSignedOfCustomer(Contract contract) {
        return contracts.countByCustomerIdAndStatusInAndIdNot(contract.getCustomer().getId(),
                ContractStatus.SIGNED_BY_BOTH, contract.getId());
    }

    /** The contract if the current user may see it; otherwise not found, so its existence does not leak. */
    public Contract visible(long id) {
        return contracts.findById(id)
                .filter(contract -> currentUser.seesAllContracts() || contract.isOwnedBy(currentUser.username()))
                .orElseThrow(() -> new ContractNotFoundException(id));
    }
}
