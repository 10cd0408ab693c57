package dev.pactum.obligation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payment finance recorded against a milestone. */
@Entity
@Table(name = "payment")
class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long contractId;
    private int milestoneNo;
    private BigDecimal amount;
    private LocalDate paidOn;
    private String reference;
    private String recordedBy;
    private Instant recordedAt;

    protected Payment() {
    }

    Payment(long contractId, int milestoneNo, BigDecimal amount, LocalDate paidOn, String reference,
            String recordedBy, Instant recordedAt) {
        this.contractId = contractId;
        this.milestoneNo = milestoneNo;
        this.amount = amount;
        this.paidOn = paidOn;
        this.reference = reference;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    Long getId() { return id; }
    long getContractId() { return contractId; }
    int getMilestoneNo() { return milestoneNo; }
    BigDecimal getAmount() { return amount; }
    LocalDate getPaidOn() { return paidOn; }
    String getReference() { return reference; }
    String getRecordedBy() { return recordedBy; }
    Instant getRecordedAt() { return recordedAt; }
}
