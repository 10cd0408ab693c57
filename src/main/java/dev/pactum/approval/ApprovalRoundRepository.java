package dev.pactum.approval;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalRoundRepository extends JpaRepository<ApprovalRoundEntry, Long> {

    List<ApprovalRoundEntry> findByContractIdOrderByRound(long contractId);
}
