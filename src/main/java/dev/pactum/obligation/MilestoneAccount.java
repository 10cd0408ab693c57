package dev.pactum.obligation;

import dev.pactum.contract.MilestoneEvent;
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
    /** Set while it counts from a project event: which one, how many days after, which project. */
    @Enumerated(EnumType.STRING)
    private MilestoneEvent awaitsEvent;
    private Integer daysAfter;
    private String projectId;
    /** The day the project event it counts from happened, once reported. */
    private LocalDate eventOn;
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

    /** A milestone N days after a project event not reported yet: AWAITING_EVENT, no due date. */
    static MilestoneAccount awaiting(long contractId, int milestoneNo, String description, MilestoneEvent event,
                                     int daysAfter, String projectId, BigDecimal amount, String currency) {
        MilestoneAccount account = new MilestoneAccount(contractId, milestoneNo, description, null, amount, currency);
        account.status = MilestoneStatus.AWAITING_EVENT;
        account.awaitsEvent = event;
        account.daysAfter = daysAfter;
        account.projectId = projectId;
        return account;
    }

    /** Its project event happened {@code on}: due {@code daysAfter} days later, OPEN. */
    void eventOccurred(LocalDate on) {
        eventOn = on;
        dueDate = on.plusDays(daysAfter);
        status = MilestoneStatus.OPEN;
    }

    boolean isAwaiting(MilestoneEvent event, String project) {
        return status == MilestoneStatus.AWAITING_EVENT && awaitsEvent == event && projectId.equals(project);
    }

    /** An amendment changed an unpaid milestone: its new terms, waiting again as a fresh one would. */
    void replaceTerms(MilestoneAccount fresh) {
        description = fresh.description;
        dueDate = fresh.dueDate;
        amount = fresh.amount;
        status = fresh.status;
        awaitsEvent = fresh.awaitsEvent;
        daysAfter = fresh.daysAfter;
        projectId = fresh.projectId;
        eventOn = fresh.eventOn;
        overdueSince = null;
        remindedAt = null;
        escalatedAt = null;
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
    MilestoneEvent getAwaitsEvent() { return awaitsEvent; }
    String getProjectId() { return projectId; }
    LocalDate getEventOn() { return eventOn; }
    Instant getPaidAt() { return paidAt; }
    Instant getRemindedAt() { return remindedAt; }
    Instant getEscalatedAt() { return escalatedAt; }

    @Embeddable
    record Key(long contractId, int milestoneNo) implements Serializable {
    }
}
