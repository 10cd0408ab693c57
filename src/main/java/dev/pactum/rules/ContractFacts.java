package dev.pactum.rules;

import java.math.BigDecimal;
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

    private ContractFacts(Builder builder) {
        this.contractNumber = Objects.requireNonNull(builder.contractNumber, "contractNumber");
        this.type = Objects.requireNonNull(builder.type, "type");
        this.amountCny = Objects.requireNonNull(builder.amountCny, "amountCny");
        this.paymentTermDays = builder.paymentTermDays;
        this.templateKey = builder.templateKey;
        this.customerCreditLimitCny = builder.customerCreditLimitCny;
        this.customerEarlierContracts = builder.customerEarlierContracts;
        this.customerHasOverduePayments = builder.customerHasOverduePayments;
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

    @Override
    public String toString() {
        return "ContractFacts[contractNumber=" + contractNumber + ", type=" + type + ", amountCny=" + amountCny
                + ", paymentTermDays=" + paymentTermDays + ", templateKey=" + templateKey
                + ", customerCreditLimitCny=" + customerCreditLimitCny
                + ", customerEarlierContracts=" + customerEarlierContracts
                + ", customerHasOverduePayments=" + customerHasOverduePayments + "]";
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

        public ContractFacts build() {
            return new ContractFacts(this);
        }
    }
}
