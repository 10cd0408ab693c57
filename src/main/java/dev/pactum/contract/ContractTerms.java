package dev.pactum.contract;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;

/**
 * The negotiated terms risk scoring looks at, and the renewal terms the lifecycle runs on. Amounts are in the
 * contract's currency. The API also accepts {@code autoRenew} for {@code autoRenewal} and {@code noticePeriodDays}
 * for {@code renewalNoticeDays}: one value each, two spellings.
 *
 * @param liabilityCap             the cap on our liability; {@code null} means uncapped
 * @param autoRenewal              the contract renews itself at its end unless someone objects by the notice
 *                                 deadline (自动续约)
 * @param renewalNoticeDays        days before the end by which either side may refuse renewal (the notice deadline
 *                                 is the end date less these days); {@code null}: none, the deadline is the end date
 * @param liquidatedDamagesPercent liquidated damages (违约金) as a percentage of the amount; {@code null}: none
 * @param renewalTermMonths        how long a renewal runs; {@code null}: as long as the contract's own term
 * @param minimumTermMonths        the shortest term the contract may have (最短期限); {@code null}: none
 */
public record ContractTerms(
        @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal liabilityCap,
        @JsonAlias("autoRenew") boolean autoRenewal,
        @JsonAlias("noticePeriodDays") @Min(0) @Max(3650) Integer renewalNoticeDays,
        @DecimalMin("0.00") @DecimalMax("1000.00") @Digits(integer = 4, fraction = 2) BigDecimal liquidatedDamagesPercent,
        @Min(1) @Max(120) Integer renewalTermMonths,
        @Min(1) @Max(120) Integer minimumTermMonths) {

    public static final ContractTerms NONE = new ContractTerms(null, false, null, null);

    public ContractTerms(BigDecimal liabilityCap, boolean autoRenewal, Integer renewalNoticeDays,
                         BigDecimal liquidatedDamagesPercent) {
        this(liabilityCap, autoRenewal, renewalNoticeDays, liquidatedDamagesPercent, null, null);
    }

    /** The last day a notice of non-renewal may be given for a term ending on {@code endDate} (calendar days). */
    public LocalDate noticeDeadline(LocalDate endDate) {
        return endDate.minusDays(renewalNoticeDays == null ? 0 : renewalNoticeDays);
    }

    /** The end date of a renewal of the term {@code start}–{@code end}: it starts the day after {@code end}. */
    public LocalDate renewedEnd(LocalDate start, LocalDate end) {
        Period length = renewalTermMonths != null ? Period.ofMonths(renewalTermMonths)
                : Period.between(start, end.plusDays(1));
        return end.plusDays(1).plus(length).minusDays(1);
    }
}
