package dev.pactum.obligation;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MilestoneAccountRepository extends JpaRepository<MilestoneAccount, MilestoneAccount.Key> {

    @Query("select m from MilestoneAccount m where m.key.contractId = :contractId order by m.key.milestoneNo")
    List<MilestoneAccount> findByContract(long contractId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from MilestoneAccount m where m.key.contractId = :contractId and m.key.milestoneNo = :no")
    Optional<MilestoneAccount> findForUpdate(long contractId, int no);

    @Query("select m from MilestoneAccount m where m.key.contractId in :contractIds")
    List<MilestoneAccount> findByContracts(Collection<Long> contractIds);

    /** Every opened milestone of the owner's contracts; of all contracts when {@code owner} is null. */
    @Query(value = """
            select m.* from payment_milestone m join contract c on c.id = m.contract_id
            where cast(:owner as varchar) is null or c.owner = :owner""", nativeQuery = true)
    List<MilestoneAccount> findVisible(String owner);

    /** Whether any contract of the customer has an overdue milestone. */
    @Query(value = """
            select exists (select 1 from payment_milestone m join contract c on c.id = m.contract_id
                           where c.customer_id = :customerId and m.status = 'OVERDUE')""", nativeQuery = true)
    boolean customerHasOverdue(long customerId);
}
