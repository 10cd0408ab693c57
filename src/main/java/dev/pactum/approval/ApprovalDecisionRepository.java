package dev.pactum.approval;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalDecisionRepository extends JpaRepository<ApprovalDecision, Long> {

    List<ApprovalDecision> findByApprovalLevelIdInOrderByDecidedAt(Collection<Long> approvalLevelIds);
}
