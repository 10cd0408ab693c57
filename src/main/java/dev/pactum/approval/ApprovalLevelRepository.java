package dev.pactum.approval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApprovalLevelRepository extends JpaRepository<ApprovalLevelEntry, Long> {

    // Queries the process runs on every step are written out in JPQL: Hibernate keeps the translation of a query
    // string, while a query derived from the method name is built as a criteria query and translated on every call.
    @Query("select l from ApprovalLevelEntry l where l.contractId = :contractId and l.round = :round order by l.level")
    List<ApprovalLevelEntry> findByContractIdAndRoundOrderByLevel(Long contractId, int round);

    List<ApprovalLevelEntry> findByContractIdOrderByRoundAscLevelAsc(Long contractId);

    @Query("select l from ApprovalLevelEntry l where l.contractId = :contractId and l.round = :round"
            + " and l.level = :level")
    Optional<ApprovalLevelEntry> findByContractIdAndRoundAndLevel(Long contractId, int round, int level);

    long countByStateAndDueAtBefore(ApprovalLevelState state, Instant instant);
}
