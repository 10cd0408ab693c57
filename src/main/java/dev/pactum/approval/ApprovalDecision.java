package dev.pactum.approval;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One approver's decision on one task; never changed after it is written. */
@Entity
@Immutable
@Table(name = "approval_decision")
public class ApprovalDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long approvalLevelId;
    private String taskId;
    private String candidateGroups;
    private String decidedBy;
    private String onBehalfOf;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    private String comment;
    private Instant decidedAt;

    protected ApprovalDecision() {
    }

    ApprovalDecision(Long approvalLevelId, String taskId, String candidateGroups, String decidedBy,
                     String onBehalfOf, Decision decision, String comment, Instant decidedAt) {
        this.approvalLevelId = approvalLevelId;
        this.taskId = taskId;
        this.candidateGroups = candidateGroups;
        this.decidedBy = decidedBy;
        this.onBehalfOf = onBehalfOf;
        this.decision = decision;
        this.comment = comment;
        this.decidedAt = decidedAt;
    }

    public Long getApprovalLevelId() { return approvalLevelId; }
    public String getTaskId() { return taskId; }
    public String getCandidateGroups() { return candidateGroups; }
    public String getDecidedBy() { return decidedBy; }
    /** Whom the decider acted for (they delegated the task, or the decider is their deputy); null otherwise. */
    public String getOnBehalfOf() { return onBehalfOf; }
    public Decision getDecision() { return decision; }
    public String getComment() { return comment; }
    public Instant getDecidedAt() { return decidedAt; }
}
