package dev.pactum.contract;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;

/**
 * The negotiated terms risk scoring looks at. Amounts are in the contract's currency.
 *
 * @param liabilityCap             the cap on our liability; {@code null} means uncapped
 * @param autoRenewal              the contract renews itself at its end (自动续约)
 * @param renewalNoticeDays        days before the end by which either side may refuse renewal; {@code null}: none
 * @param liquidatedDamagesPercent liquidated damages (违约金) as a percentage of the amount; {@code null}: none
 */
public record ContractTerms(
        @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal liabilityCap,
        boolean autoRenewal,
        @Min(0) @Max(3650) Integer renewalNoticeDays,
        @DecimalMin("0.00") @DecimalMax("1000.00") @Digits(integer = 4, fraction = 2) BigDecimal liquidatedDamagesPercent) {

    public static final ContractTerms NONE = new ContractTerms(null, false, null, null);
}
