package dev.pactum.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the rules know about a contract and its customer. JavaBean getters on purpose: DRL constraints such as
 * {@code ContractFacts( paymentTermDays > 90 )} resolve through them. Add a field here, to the builder and to
 * {@link #toString()} when a rule needs to know more.
 */
public final class ContractFacts {

    private final String contractNumber;
    private final String type;
    private final BigDecimal amountCny;
    private final int paymentTermDays;
    private final String templateKey;
    private final BigDecimal customerCreditLimitCny;
    private final int customerEarlierContracts;
    private final boolean customerHasOverduePayments;
    private final BigDecimal liabilityCapCny;
    private final boolean autoRenewal;
    private final Integer renewalNoticeDays;
    private final BigDecimal liquidatedDamagesPercent;
    private final List<String> changedClauseIds;
    private final int clauseCount;
    private final BigDecimal previousAmountCny;

    private ContractFacts(Builder builder) {
        this.contractNumber = Objects.requireNonNull(builder.contractNumber, "contractNumber");
        this.type = Objects.requireNonNull(builder.type, "type");
        this.amountCny = Objects.requireNonNull(builder.amountCny, "amountCny");
        this.paymentTermDays = builder.paymentTermDays;
        this.templateKey = builder.templateKey;
        this.customerCreditLimitCny = builder.customerCreditLimitCny;
        this.customerEarlierContracts = builder.customerEarlierContracts;
        this.customerHasOverduePayments = builder.customerHasOverduePayments;
        this.liabilityCapCny = builder.liabilityCapCny;
        this.autoRenewal = builder.autoRenewal;
        this.renewalNoticeDays = builder.renewalNoticeDays;
        this.liquidatedDamagesPercent = builder.liquidatedDamagesPercent;
        this.changedClauseIds = List.copyOf(builder.changedClauseIds);
        this.clauseCount = builder.clauseCount;
        this.previousAmountCny = builder.previousAmountCny;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getContractNumber() {
        return contractNumber;
    }

    /** SALES, SERVICE, PURCHASE or NDA. */
    public String getType() {
        return type;
    }

    public BigDecimal getAmountCny() {
        return amountCny;
    }

    public int getPaymentTermDays() {
        return paymentTermDays;
    }

    public String getTemplateKey() {
        return templateKey;
    }

    /** {@code null} when no credit limit is set for the customer. */
    public BigDecimal getCustomerCreditLimitCny() {
        return customerCreditLimitCny;
    }

    public int getCustomerEarlierContracts() {
        return customerEarlierContracts;
    }

    public boolean isCustomerHasOverduePayments() {
        return customerHasOverduePayments;
    }

    /** Our liability cap in CNY; {@code null} means uncapped. */
    public BigDecimal getLiabilityCapCny() {
        return liabilityCapCny;
    }

    /** The contract renews itself at its end (自动续约). */
    public boolean isAutoRenewal() {
        return autoRenewal;
    }

    /** Days before the end by which either side may refuse renewal; {@code null} when there is no notice period. */
    public Integer getRenewalNoticeDays() {
        return renewalNoticeDays;
    }

    /** Liquidated damages (违约金) as a percentage of the amount; {@code null} when none are agreed. */
    public BigDecimal getLiquidatedDamagesPercent() {
        return liquidatedDamagesPercent;
    }

    /** Ids of the standard clauses whose text differs from the template's (范本) text, in the contract's order. */
    public List<String> getChangedClauseIds() {
        return changedClauseIds;
    }

    /** How many clauses the contract has. */
    public int getClauseCount() {
        return clauseCount;
    }

    /** The contract is the unmodified standard template (范本): no clause differs from its template text. */
    public boolean isStandardTemplate() {
        return changedClauseIds.isEmpty();
    }

    /**
     * The facts are of a supplementary agreement (补充协议): the contract as the amendment would leave it, with
     * {@link #getPreviousAmountCny()} what it was before.
     */
    public boolean isAmendment() {
        return previousAmountCny != null;
    }

    /** An amendment's amount before it, in CNY; {@code null} for a contract that is not amended. */
    public BigDecimal getPreviousAmountCny() {
        return previousAmountCny;
    }

    /** How much an amendment raises the amount, in CNY (negative when it lowers it); zero when not an amendment. */
    public BigDecimal getAmountIncreaseCny() {
        return previousAmountCny == null ? BigDecimal.ZERO : amountCny.subtract(previousAmountCny);
    }

    /** {@link #getAmountIncreaseCny()} as a percentage of the previous amount (two decimals); zero when none. */
    public BigDecimal getAmountIncreasePercent() {
        if (previousAmountCny == null || previousAmountCny.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return getAmountIncreaseCny().multiply(BigDecimal.valueOf(100))
                .divide(previousAmountCny, 2, java.math.RoundingMode.HALF_UP);
    }

    @Override
    public String toString() {
        return "ContractFacts[contractNumber=" + contractNumber + ", type=" + type + ", amountCny=" + amountCny
                + ", paymentTermDays=" + paymentTermDays + ", templateKey=" + templateKey
                + ", customerCreditLimitCny=" + customerCreditLimitCny
                + ", customerEarlierContracts=" + customerEarlierContracts
                + ", customerHasOverduePayments=" + customerHasOverduePayments
                + ", liabilityCapCny=" + liabilityCapCny + ", autoRenewal=" + autoRenewal
                + ", renewalNoticeDays=" + renewalNoticeDays + ", liquidatedDamagesPercent=" + liquidatedDamagesPercent
                + ", changedClauseIds=" + changedClauseIds + ", clauseCount=" + clauseCount
                + ", previousAmountCny=" + previousAmountCny + "]";
    }

    public static final class Builder {

        private String contractNumber;
        private String type;
        private BigDecimal amountCny;
        private int paymentTermDays;
        private String templateKey;
        private BigDecimal customerCreditLimitCny;
        private int customerEarlierContracts;
        private boolean customerHasOverduePayments;
        private BigDecimal liabilityCapCny;
        private boolean autoRenewal;
        private Integer renewalNoticeDays;
        private BigDecimal liquidatedDamagesPercent;
        private List<String> changedClauseIds = List.of();
        private int clauseCount;
        private BigDecimal previousAmountCny;

        private Builder() {
        }

        public Builder contractNumber(String contractNumber) {
            this.contractNumber = contractNumber;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder amountCny(BigDecimal amountCny) {
            this.amountCny = amountCny;
            return this;
        }

        public Builder paymentTermDays(int paymentTermDays) {
            this.paymentTermDays = paymentTermDays;
            return this;
        }

        public Builder templateKey(String templateKey) {
            this.templateKey = templateKey;
            return this;
        }

        public Builder customerCreditLimitCny(BigDecimal customerCreditLimitCny) {
            this.customerCreditLimitCny = customerCreditLimitCny;
            return this;
        }

        public Builder customerEarlierContracts(int customerEarlierContracts) {
            this.customerEarlierContracts = customerEarlierContracts;
            return this;
        }

        public Builder customerHasOverduePayments(boolean customerHasOverduePayments) {
            this.customerHasOverduePayments = customerHasOverduePayments;
            return this;
        }

        public Builder liabilityCapCny(BigDecimal liabilityCapCny) {
            this.liabilityCapCny = liabilityCapCny;
            return this;
        }

        public Builder autoRenewal(boolean autoRenewal) {
            this.autoRenewal = autoRenewal;
            return this;
        }

        public Builder renewalNoticeDays(Integer renewalNoticeDays) {
            this.renewalNoticeDays = renewalNoticeDays;
            return this;
        }

        public Builder liquidatedDamagesPercent(BigDecimal liquidatedDamagesPercent) {
            this.liquidatedDamagesPercent = liquidatedDamagesPercent;
            return this;
        }

        public Builder changedClauseIds(List<String> changedClauseIds) {
            this.changedClauseIds = Objects.requireNonNull(changedClauseIds, "changedClauseIds");
            return this;
        }

        public Builder clauseCount(int clauseCount) {
            this.clauseCount = clauseCount;
            return this;
        }

        /** Makes the facts an amendment's: the amount before it, in CNY. */
        public Builder previousAmountCny(BigDecimal previousAmountCny) {
            this.previousAmountCny = previousAmountCny;
            return this;
        }

        public ContractFacts build() {
            return new ContractFacts(this);
        }
    }
}
