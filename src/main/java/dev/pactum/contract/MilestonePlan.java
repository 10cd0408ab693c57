package dev.pactum.contract;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One milestone of a payment schedule (回款计划) as a draft states it: when ({@code dueDate}, or {@code daysAfter} an
 * {@code event}) and how much ({@code amount}, or {@code percent} of the contract amount). {@link PaymentSchedule}
 * checks the combinations and the totals. {@code projectId} links the milestone to a project of the project-management
 * system (its ACCEPTANCE or DELIVERY event starts it); none: the contract's project.
 */
public record MilestonePlan(
        LocalDate dueDate,
        @Min(0) @Max(3650) Integer daysAfter,
        MilestoneEvent event,
        @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @DecimalMin("0.01") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal percent,
        @NotBlank @Size(max = 300) String description,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:/-]+") String projectId) {

    public MilestonePlan(LocalDate dueDate, Integer daysAfter, MilestoneEvent event, BigDecimal amount,
                         BigDecimal percent, String description) {
        this(dueDate, daysAfter, event, amount, percent, description, null);
    }
}
