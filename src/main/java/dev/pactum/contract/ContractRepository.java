package dev.pactum.contract;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ContractRepository extends JpaRepository<Contract, Long>, JpaSpecificationExecutor<Contract> {

    Optional<Contract> findByNumber(String number);

    List<Contract> findByOwnerAndStatusInOrderById(String owner, Collection<ContractStatus> statuses);

    // Queries the process runs on every step are written out in JPQL: Hibernate keeps the translation of a query
    // string, while a query derived from the method name is built as a criteria query and translated on every call.
    @Query("select c from Contract c where c.processInstanceId = :processInstanceId")
    Optional<Contract> findByProcessInstanceId(String processInstanceId);

    Optional<Contract> findByOwnerAndIdempotencyKey(String owner, String idempotencyKey);

    List<Contract> findByCustomerIdAndStatusInOrderById(Long customerId, Collection<ContractStatus> statuses);

    /** Counts the customer's other contracts in some states, e.g. those both sides signed. */
    @Query("select count(c) from Contract c where c.customer.id = :customerId and c.status in :statuses"
            + " and c.id <> :contractId")
    long countByCustomerIdAndStatusInAndIdNot(Long customerId, Collection<ContractStatus> statuses, Long contractId);

    /** Loads a contract and locks its row until the transaction ends, so state changes queue up. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Contract c where c.id = :id")
    Optional<Contract> findByIdForUpdate(@Param("id") Long id);
}
