package dev.pactum.approval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalLevelRepository extends JpaRepository<ApprovalLevelEntry, Long> {

    List<ApprovalLevelEntry> findByContractIdAndRoundOrderByLevel(Long contractId, int round);

    List<ApprovalLevelEntry> findByContractIdOrderByRoundAscLevelAsc(Long contractId);

    Optional<ApprovalLevelEntry> findByContractIdAndRoundAndLevel(Long contractId, int round, int level);

    long countByStateAndDueAtBefore(ApprovalLevelState state, Instant instant);
}
