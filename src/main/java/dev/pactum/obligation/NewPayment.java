package dev.pactum.obligation;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment finance received towards a milestone, in the contract's currency. */
public record NewPayment(
        @NotNull Integer milestoneId,
        @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotNull LocalDate paidOn,
        @NotBlank @Size(max = 200) String reference) {
}
