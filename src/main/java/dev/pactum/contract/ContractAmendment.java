package dev.pactum.contract;

import jakarta.persistence.Column;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A supplementary agreement (补充协议) to a contract: the values it changes and the values they replace, its own
 * approval round of the contract and its own process instance. Approved, it becomes the contract's next version.
 */
@Entity
@Table(name = "contract_amendment")
public class ContractAmendment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(updatable = false)
    private Long contractId;
    /** 1, 2, … per contract. */
    @Column(updatable = false)
    private int sequence;
    @Enumerated(EnumType.STRING)
    private AmendmentStatus status = AmendmentStatus.IN_APPROVAL;
    @Column(updatable = false)
    private String reason;
    @Column(updatable = false)
    private BigDecimal newAmount;
    @Column(updatable = false)
    private LocalDate newEndDate;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    private Map<String, String> newClauses = new LinkedHashMap<>();
    /** The contract's values the amendment replaces, as they were when it was requested. */
    @Column(updatable = false)
    private BigDecimal previousAmount;
    @Column(updatable = false)
    private LocalDate previousEndDate;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    private Map<String, String> previousClauses = new LinkedHashMap<>();
    /** The new payment schedule (null: unchanged) and the one it replaces. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    private List<PaymentMilestone> newMilestones;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    private List<PaymentMilestone> previousMilestones;
    private Integer approvalRound;
    private String processInstanceId;
    @Column(updatable = false)
    private String requestedBy;
    @Column(updatable = false)
    private Instant requestedAt;
    private Instant decidedAt;

    protected ContractAmendment() {
    }

    ContractAmendment(Contract contract, int sequence, AmendmentRequest request, List<PaymentMilestone> schedule,
                      String requestedBy, Instant requestedAt) {
        this.newMilestones = schedule == null ? null : new ArrayList<>(schedule);
        this.previousMilestones = schedule == null ? null : new ArrayList<>(contract.getMilestones());
        this.contractId = contract.getId();
        this.sequence = sequence;
        this.reason = request.reason().trim();
        this.newAmount = request.amount();
        this.newEndDate = request.endDate();
        this.newClauses = new LinkedHashMap<>(request.clauses());
        this.previousAmount = contract.getAmount();
        this.previousEndDate = contract.getEndDate();
        Map<String, String> previous = new LinkedHashMap<>();
        request.clauses().keySet().forEach(id -> {
            if (contract.getClauses().containsKey(id)) {
                previous.put(id, contract.getClauses().get(id));
            }
        });
        this.previousClauses = previous;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    /** The contract as this amendment would leave it: a detached copy, never saved. */
    Contract applyTo(Contract contract) {
        if (newAmount != null) {
            contract.setAmount(newAmount);
        }
        if (newEndDate != null) {
            contract.setEndDate(newEndDate);
        }
        if (!newClauses.isEmpty()) {
            Map<String, String> clauses = new LinkedHashMap<>(contract.getClauses());
            clauses.putAll(newClauses);
            contract.setClauses(clauses);
        }
        if (newMilestones != null) {
            contract.setMilestones(newMilestones);
        }
        return contract;
    }

    void bind(String processInstanceId) { this.processInstanceId = processInstanceId; }
    void enterRound(int round) { this.approvalRound = round; }
    void decide(AmendmentStatus outcome, Instant at) {
        this.status = outcome;
        this.decidedAt = at;
    }

    public Long getId() { return id; }
    public Long getContractId() { return contractId; }
    public int getSequence() { return sequence; }
    public AmendmentStatus getStatus() { return status; }
    public String getReason() { return reason; }
    public BigDecimal getNewAmount() { return newAmount; }
    public LocalDate getNewEndDate() { return newEndDate; }
    public Map<String, String> getNewClauses() { return Map.copyOf(newClauses); }
    public BigDecimal getPreviousAmount() { return previousAmount; }
    public LocalDate getPreviousEndDate() { return previousEndDate; }
    public Map<String, String> getPreviousClauses() { return Map.copyOf(previousClauses); }
    /** The new payment schedule; null when the amendment leaves it as it is. */
    public List<PaymentMilestone> getNewMilestones() { return newMilestones == null ? null : List.copyOf(newMilestones); }
    public List<PaymentMilestone> getPreviousMilestones() {
        return previousMilestones == null ? null : List.copyOf(previousMilestones);
    }
    public Integer getApprovalRound() { return approvalRound; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getDecidedAt() { return decidedAt; }
}
