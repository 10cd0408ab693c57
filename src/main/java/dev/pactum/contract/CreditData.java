package dev.pactum.contract;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;

/** What finance knows of a customer's credit; a {@code null} limit means none is set. */
public record CreditData(@DecimalMin("0.00") @Digits(integer = 17, fraction = 2) java.math.BigDecimal creditLimit,
                         @Pattern(regexp = "[A-Z]{3}") String creditLimitCurrency, boolean hasOverduePayments) {

    public CreditData {
        creditLimitCurrency = creditLimitCurrency == null ? "CNY" : creditLimitCurrency;
    }
}
