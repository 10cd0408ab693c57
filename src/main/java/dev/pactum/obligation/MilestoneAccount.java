package dev.pactum.obligation;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payment milestone of an active contract: what is due when, what came in, where it stands. */
@Entity
@Table(name = "payment_milestone")
class MilestoneAccount {

    @EmbeddedId
    private Key key;
    private String description;
    private LocalDate dueDate;
    private BigDecimal amount;
    private String currency;
    private BigDecimal received = BigDecimal.ZERO;
    @Enumerated(EnumType.STRING)
    private MilestoneStatus status = MilestoneStatus.OPEN;
    private LocalDate overdueSince;
    private Instant paidAt;
    private Instant remindedAt;
    private Instant escalatedAt;
    @Version
    private long version;

    protected MilestoneAccount() {
    }

    MilestoneAccount(long contractId, int milestoneNo, String description, LocalDate dueDate, BigDecimal amount,
                     String currency) {
        this.key = new Key(contractId, milestoneNo);
        this.description = description;
        this.dueDate = dueDate;
        this.amount = amount;
        this.currency = currency;
    }

    /** @return true when this payment settled it */
    boolean receive(BigDecimal payment, Instant at) {
        received = received.add(payment);
        if (status != MilestoneStatus.PAID && received.compareTo(amount) >= 0) {
            status = MilestoneStatus.PAID;
            paidAt = at;
            return true;
        }
        return false;
    }

    boolean isSettled() {
        return status == MilestoneStatus.PAID;
    }

    BigDecimal outstanding() {
        return amount.subtract(received).max(BigDecimal.ZERO);
    }

    BigDecimal overpaid() {
        return received.subtract(amount).max(BigDecimal.ZERO);
    }

    void overdue(LocalDate since) {
        status = MilestoneStatus.OVERDUE;
        overdueSince = since;
    }

    void cancel() {
        status = MilestoneStatus.CANCELLED;
    }

    void reminded(Instant at) {
        remindedAt = at;
    }

    void escalated(Instant at) {
        escalatedAt = at;
    }

    long contractId() { return key.contractId; }
    int milestoneNo() { return key.milestoneNo; }
    String getDescription() { return description; }
    LocalDate getDueDate() { return dueDate; }
    BigDecimal getAmount() { return amount; }
    String getCurrency() { return currency; }
    BigDecimal getReceived() { return received; }
    MilestoneStatus getStatus() { return status; }
    LocalDate getOverdueSince() { return overdueSince; }
    Instant getPaidAt() { return paidAt; }
    Instant getRemindedAt() { return remindedAt; }
    Instant getEscalatedAt() { return escalatedAt; }

    @Embeddable
    record Key(long contractId, int milestoneNo) implements Serializable {
    }
}
