package dev.pactum.contract;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The status changes the lifecycle process makes, each in the engine's transaction. */
@Service
@Transactional
public class ContractLifecycleService {

    private final ContractRepository contracts;

    public ContractLifecycleService(ContractRepository contracts) {
        this.contracts = contracts;
    }

    public Contract returnToOwner(long contractId) {
        return move(contractId, ContractStatus.IN_APPROVAL, ContractStatus.REVISING);
    }

    public Contract activate(long contractId) {
        return move(contractId, ContractStatus.IN_APPROVAL, ContractStatus.ACTIVE);
    }

    public Contract reject(long contractId) {
        Contract contract = contracts.findById(contractId).orElseThrow();
        if (contract.getStatus() != ContractStatus.IN_APPROVAL && contract.getStatus() != ContractStatus.REVISING) {
            throw new IllegalStateException(contract.getNumber() + " cannot be rejected from " + contract.getStatus());
        }
        contract.setStatus(ContractStatus.REJECTED);
        return contract;
    }

    /** Applies the owner's revision; what the owner left out stays as it was. */
    public Contract applyRevision(long contractId, ContractRevision revision) {
        Contract contract = contracts.findById(contractId).orElseThrow();
        if (contract.getStatus() != ContractStatus.REVISING) {
            throw new IllegalStateException(contract.getNumber() + " is not being revised");
        }
        revision.applyTo(contract);
        return contract;
    }

    private Contract move(long contractId, ContractStatus from, ContractStatus to) {
        Contract contract = contracts.findById(contractId).orElseThrow();
        if (contract.getStatus() != from) {
            throw new IllegalStateException("%s is %s, not %s".formatted(contract.getNumber(), contract.getStatus(), from));
        }
        contract.setStatus(to);
        return contract;
    }
}
