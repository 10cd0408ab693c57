package dev.pactum.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** A counterparty: the company a contract is made with. */
@Entity
@EntityListeners(ContractTimestamps.class)
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    /** 统一社会信用代码, checked by {@link CreditCodes}. */
    private String creditCode;

    private String contactName;
    private String contactEmail;
    private String contactPhone;

    /** Null when no limit has been set. */
    private BigDecimal creditLimit;

    private String creditLimitCurrency = "CNY";

    /** Set by finance until payment records arrive (a later issue derives it from them). */
    private boolean hasOverduePayments;

    @Version
    private long version;

    @Column(updatable = false)
    private Instant createdAt;

    protected Customer() {
    }

    public Customer(String name, String creditCode) {
        this.name = name;
        this.creditCode = creditCode;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    void setName(String name) { this.name = name; }
    public String getCreditCode() { return creditCode; }
    public String getContactName() { return contactName; }
    void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getContactPhone() { return contactPhone; }
    void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public BigDecimal getCreditLimit() { return creditLimit; }
    void setCreditLimit(BigDecimal creditLimit) { this.creditLimit = creditLimit; }
    public String getCreditLimitCurrency() { return creditLimitCurrency; }
    void setCreditLimitCurrency(String creditLimitCurrency) { this.creditLimitCurrency = creditLimitCurrency; }
    public boolean hasOverduePayments() { return hasOverduePayments; }
    void setHasOverduePayments(boolean hasOverduePayments) { this.hasOverduePayments = hasOverduePayments; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }

    void created(Instant now) {
        createdAt = now;
    }
}
