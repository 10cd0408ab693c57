package dev.pactum.obligation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One decision at one renewal window of a contract (table {@code contract_renewal}). */
@Entity
@Table(name = "contract_renewal")
class RenewalRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long contractId;
    @Enumerated(EnumType.STRING)
    private RenewalKind kind;
    private LocalDate termEndDate;
    private LocalDate noticeDeadline;
    private String decidedBy;
    private Instant decidedAt;
    private String comment;
    private BigDecimal proposedAmount;
    private LocalDate newEndDate;
    private Long successorContractId;

    protected RenewalRecord() {
    }

    RenewalRecord(long contractId, RenewalKind kind, LocalDate termEndDate, LocalDate noticeDeadline,
                  String decidedBy, Instant decidedAt, String comment, BigDecimal proposedAmount) {
        this.contractId = contractId;
        this.kind = kind;
        this.termEndDate = termEndDate;
        this.noticeDeadline = noticeDeadline;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.comment = comment;
        this.proposedAmount = proposedAmount;
    }

    Long getId() { return id; }
    Long getContractId() { return contractId; }
    RenewalKind getKind() { return kind; }
    LocalDate getTermEndDate() { return termEndDate; }
    LocalDate getNoticeDeadline() { return noticeDeadline; }
    String getDecidedBy() { return decidedBy; }
    Instant getDecidedAt() { return decidedAt; }
    String getComment() { return comment; }
    BigDecimal getProposedAmount() { return proposedAmount; }
    LocalDate getNewEndDate() { return newEndDate; }
    void setNewEndDate(LocalDate newEndDate) { this.newEndDate = newEndDate; }
    Long getSuccessorContractId() { return successorContractId; }
    void setSuccessorContractId(Long successorContractId) { this.successorContractId = successorContractId; }
}
