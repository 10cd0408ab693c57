package dev.pactum.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A supplementary agreement (补充协议) to a contract in force: what it changes and why. A value left out stays as it
 * is; {@code clauses} maps a clause id to its new negotiated text; {@code milestones}, when given, is the whole new
 * payment schedule. {@link ContractAmendments} checks the rest.
 */
public record AmendmentRequest(
        @NotBlank @Size(max = 2000) String reason,
        @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal amount,
        LocalDate endDate,
        @Size(max = 50) Map<String, @NotBlank @Size(max = 20000) String> clauses,
        @Size(max = 50) List<@Valid @NotNull AmendedMilestone> milestones) {

    public AmendmentRequest(String reason, BigDecimal amount, LocalDate endDate, Map<String, String> clauses) {
        this(reason, amount, endDate, clauses, null);
    }

    public AmendmentRequest {
        clauses = clauses == null ? Map.of() : Map.copyOf(clauses);
        milestones = milestones == null ? null : List.copyOf(milestones);
    }
}
