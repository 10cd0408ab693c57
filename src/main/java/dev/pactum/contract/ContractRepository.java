package dev.pactum.contract;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ContractRepository extends JpaRepository<Contract, Long>, JpaSpecificationExecutor<Contract> {

    Optional<Contract> findByNumber(String number);

    Optional<Contract> findByOwnerAndIdempotencyKey(String owner, String idempotencyKey);

    long countByCustomerIdAndIdNot(Long customerId, Long contractId);
}
