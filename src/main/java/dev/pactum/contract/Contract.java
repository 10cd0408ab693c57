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
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
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

    private Integer riskScore;
    private String riskLevel;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<Map<String, Object>> riskFindings;

    private String riskRuleSetVersion;

    /** The rule that approved the current round without a human step (快速通道), or {@code null}. */
    private String fastLaneRule;

    /** Version of the rule set that routed the current approval round. */
    private String routingRuleSetVersion;

    /** Incremented each time the contract enters approval; a revise loop starts a new round. */
    private int approvalRound;

    private String processInstanceId;

    @Column(updatable = false)
    private String idempotencyKey;

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

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }

    public boolean isOwnedBy(String username) {
        return owner.equals(username);
    }

    public void recordRisk(int score, String level, List<Map<String, Object>> findings, String ruleSetVersion) {
        this.riskScore = score;
        this.riskLevel = level;
        this.riskFindings = findings;
        this.riskRuleSetVersion = ruleSetVersion;
    }

    public void recordRouting(String fastLaneRule, String ruleSetVersion) {
        this.fastLaneRule = fastLaneRule;
        this.routingRuleSetVersion = ruleSetVersion;
    }

    public int startApprovalRound() {
        status = ContractStatus.IN_APPROVAL;
        return ++approvalRound;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public ContractType getType() { return type; }
    public void setType(ContractType type) { this.type = type; }
    public String getTemplateKey() { return templateKey; }
    public void setTemplateKey(String templateKey) { this.templateKey = templateKey; }
    public Customer getCustomer() { return customer; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public int getPaymentTermDays() { return paymentTermDays; }
    public void setPaymentTermDays(int paymentTermDays) { this.paymentTermDays = paymentTermDays; }
    public ContractStatus getStatus() { return status; }
    public void setStatus(ContractStatus status) { this.status = status; }
    public String getOwner() { return owner; }
    public Map<String, Object> getFields() { return fields; }
    public void setFields(Map<String, Object> fields) { this.fields = new LinkedHashMap<>(fields); }
    public ContractTerms getTerms() { return terms; }
    public void setTerms(ContractTerms terms) { this.terms = terms == null ? ContractTerms.NONE : terms; }
    public Map<String, String> getClauses() { return clauses; }
    public void setClauses(Map<String, String> clauses) { this.clauses = new LinkedHashMap<>(clauses); }
    public Integer getRiskScore() { return riskScore; }
    public String getRiskLevel() { return riskLevel; }
    public List<Map<String, Object>> getRiskFindings() { return riskFindings; }
    public String getRiskRuleSetVersion() { return riskRuleSetVersion; }
    public int getApprovalRound() { return approvalRound; }
    public String getFastLaneRule() { return fastLaneRule; }
    public String getRoutingRuleSetVersion() { return routingRuleSetVersion; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
