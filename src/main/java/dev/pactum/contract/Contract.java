package dev.pactum.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@EntityListeners(ContractTimestamps.class)
public class Contract {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String number;

    private String title;

    @Enumerated(EnumType.STRING)
    private ContractType type;

    private String templateKey;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    private BigDecimal amount;
    private String currency;
    private LocalDate startDate;
    private LocalDate endDate;
    private int paymentTermDays;

    @Enumerated(EnumType.STRING)
    private ContractStatus status = ContractStatus.DRAFT;

    @Column(updatable = false)
    private String owner;

    /** Custom field values, keyed by field name. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> fields = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    private ContractTerms terms = ContractTerms.NONE;

    /** Negotiated clause texts by clause id; a clause not listed keeps its template text. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> clauses = new LinkedHashMap<>();

    /** The payment schedule (回款计划); empty when the contract has none. */
    @JdbcTypeCode(SqlTypes.JSON)
    private List<PaymentMilestone> milestones = new ArrayList<>();

    /** The project of the project-management system this contract pays for, when linked to one. */
    private String projectId;

    /** Incremented each time the contract enters approval; a revise loop starts a new round. */
    private int approvalRound;

    private String processInstanceId;

    /** The contract this one renews (续约), when it was made from one. */
    @Column(name = "renewal_of_id", updatable = false)
    private Long renewalOf;

    @Column(updatable = false)
    private String idempotencyKey;

    @Column(updatable = false)
    private String idempotencyFingerprint;

    @Version
    private long version;

    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;

    protected Contract() {
    }

    public Contract(String number, Customer customer, String owner) {
        this.number = number;
        this.customer = customer;
        this.owner = owner;
    }

    void created(Instant now) {
        createdAt = now;
        updatedAt = now;
    }

    void updated(Instant now) {
        updatedAt = now;
    }

    /** The revise form's fields, prefilled with the contract as it stands. */
    public Map<String, Object> revisionFormVariables() {
        return ContractRevision.formVariablesOf(this);
    }

    public boolean isOwnedBy(String username) {
        return owner.equals(username);
    }

    /** An amendment of the contract in force enters its own approval round; the contract stays in force. */
    void enterAmendmentRound() {
        approvalRound++;
    }

    /** A copy with the same id and values, detached: what the rules read of a contract as an amendment would make it. */
    Contract detachedCopy() {
        Contract copy = new Contract(number, customer, owner);
        copy.id = id;
        copy.title = title;
        copy.type = type;
        copy.templateKey = templateKey;
        copy.amount = amount;
        copy.currency = currency;
        copy.startDate = startDate;
        copy.endDate = endDate;
        copy.paymentTermDays = paymentTermDays;
        copy.status = status;
        copy.fields = new LinkedHashMap<>(fields);
        copy.terms = terms;
        copy.clauses = new LinkedHashMap<>(clauses);
        copy.milestones = new ArrayList<>(milestones);
        copy.projectId = projectId;
        copy.approvalRound = approvalRound;
        copy.processInstanceId = processInstanceId;
        copy.renewalOf = renewalOf;
        return copy;
    }

    /** Enters a new approval round (the first, or the next after a revision). */
    void enterApprovalRound() {
        status = ContractStatus.IN_APPROVAL;
        approvalRound++;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public String getTitle() { return title; }
    void setTitle(String title) { this.title = title; }
    public ContractType getType() { return type; }
    void setType(ContractType type) { this.type = type; }
    public String getTemplateKey() { return templateKey; }
    void setTemplateKey(String templateKey) { this.templateKey = templateKey; }
    public Customer getCustomer() { return customer; }
    public BigDecimal getAmount() { return amount; }
    void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    void setCurrency(String currency) { this.currency = currency; }
    public LocalDate getStartDate() { return startDate; }
    void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public int getPaymentTermDays() { return paymentTermDays; }
    void setPaymentTermDays(int paymentTermDays) { this.paymentTermDays = paymentTermDays; }
    public ContractStatus getStatus() { return status; }
    void setStatus(ContractStatus status) { this.status = status; }
    public String getOwner() { return owner; }
    public Map<String, Object> getFields() { return fields; }
    void setFields(Map<String, Object> fields) { this.fields = new LinkedHashMap<>(fields); }
    public ContractTerms getTerms() { return terms; }
    void setTerms(ContractTerms terms) { this.terms = terms == null ? ContractTerms.NONE : terms; }
    public Map<String, String> getClauses() { return clauses; }
    void setClauses(Map<String, String> clauses) { this.clauses = new LinkedHashMap<>(clauses); }
    public List<PaymentMilestone> getMilestones() { return List.copyOf(milestones); }
    void setMilestones(List<PaymentMilestone> milestones) { this.milestones = new ArrayList<>(milestones); }
    public String getProjectId() { return projectId; }
    void setProjectId(String projectId) { this.projectId = projectId; }
    public int getApprovalRound() { return approvalRound; }
    public String getProcessInstanceId() { return processInstanceId; }
    void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public Long getRenewalOf() { return renewalOf; }
    void setRenewalOf(Long renewalOf) { this.renewalOf = renewalOf; }
    public String getIdempotencyKey() { return idempotencyKey; }
    String getIdempotencyFingerprint() { return idempotencyFingerprint; }
    void setIdempotencyFingerprint(String fingerprint) { this.idempotencyFingerprint = fingerprint; }
    void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
