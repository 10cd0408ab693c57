package dev.pactum.contract;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

public record NewCustomer(
        @NotBlank @Size(max = 200) String name,
        @NotNull @ValidCreditCode String creditCode,
        @Size(max = 100) String contactName,
        @Email @Size(max = 200) String contactEmail,
        @Size(max = 50) String contactPhone,
        @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal creditLimit,
        @Pattern(regexp = "[A-Z]{3}") String creditLimitCurrency,
        boolean hasOverduePayments) {

    public NewCustomer {
        creditLimitCurrency = creditLimitCurrency == null ? "CNY" : creditLimitCurrency;
    }
}
