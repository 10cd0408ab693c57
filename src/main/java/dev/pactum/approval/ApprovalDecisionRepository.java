package dev.pactum.approval;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApprovalDecisionRepository extends JpaRepository<ApprovalDecision, Long> {

    /** Written out in JPQL, as the process's queries in {@link ApprovalLevelRepository}. */
    @Query("select d from ApprovalDecision d where d.approvalLevelId in :approvalLevelIds order by d.decidedAt")
    List<ApprovalDecision> findByApprovalLevelIdInOrderByDecidedAt(Collection<Long> approvalLevelIds);

    /** Who decided a task, once it is done (one decision per task). */
    @Query("select d from ApprovalDecision d where d.taskId = :taskId order by d.decidedAt")
    List<ApprovalDecision> findByTaskId(String taskId);
}
