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
 * One milestone of the new payment schedule an amendment carries: {@code id} names a milestone the contract already
 * has (kept as it is when nothing else differs; a milestone with money received must be kept unchanged), none a new
 * one. The rest reads as in {@link MilestonePlan}.
 */
public record AmendedMilestone(
        @Min(1) Integer id,
        LocalDate dueDate,
        @Min(0) @Max(3650) Integer daysAfter,
        MilestoneEvent event,
        @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @DecimalMin("0.01") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal percent,
        @NotBlank @Size(max = 300) String description,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:/-]+") String projectId) {

    public MilestonePlan plan() {
        return new MilestonePlan(dueDate, daysAfter, event, amount, percent, description, projectId);
    }

    /** The same milestone as an amendment would send it to keep {@code milestone} unchanged. */
    public static AmendedMilestone keeping(PaymentMilestone milestone) {
        MilestonePlan plan = milestone.plan();
        return new AmendedMilestone(milestone.id(), plan.dueDate(), plan.daysAfter(), plan.event(), plan.amount(),
                plan.percent(), plan.description(), plan.projectId());
    }
}
