package dev.pactum.contract;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContractAmendmentRepository extends JpaRepository<ContractAmendment, Long> {

    List<ContractAmendment> findByContractIdOrderBySequenceAsc(long contractId);

    Optional<ContractAmendment> findByProcessInstanceId(String processInstanceId);

    boolean existsByContractIdAndStatus(long contractId, AmendmentStatus status);
}
