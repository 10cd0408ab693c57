package dev.pactum.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What it takes to draft a contract, from the API or from Tasklist's start form. Checks that need the database or
 * more than one field (customer exists, dates in order, template and currency known, the payment schedule adds up)
 * are {@link ContractService}'s. {@code projectId} links the contract to its project in the project-management system,
 * whose acceptance and delivery events start "N days after" milestones.
 */
public record NewContract(
        @NotBlank @Size(max = 100) String templateKey,
        @NotNull Long customerId,
        @NotBlank @Size(max = 300) String title,
        @NotNull ContractType type,
        @NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull @Min(0) @Max(3650) Integer paymentTermDays,
        @Size(max = 50) Map<String, Object> fields,
        @Valid ContractTerms terms,
        @Size(max = 50) Map<String, @NotBlank @Size(max = 20000) String> clauses,
        @Size(max = 50) List<@Valid @NotNull MilestonePlan> milestones,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:/-]+") String projectId) {

    public NewContract(String templateKey, Long customerId, String title, ContractType type, BigDecimal amount,
                       String currency, LocalDate startDate, LocalDate endDate, Integer paymentTermDays,
                       Map<String, Object> fields, ContractTerms terms, Map<String, String> clauses,
                       List<MilestonePlan> milestones) {
        this(templateKey, customerId, title, type, amount, currency, startDate, endDate, paymentTermDays, fields, terms,
                clauses, milestones, null);
    }

    public NewContract {
        milestones = milestones == null ? List.of() : milestones;
        fields = fields == null ? Map.of() : fields;
        terms = terms == null ? ContractTerms.NONE : terms;
        clauses = clauses == null ? Map.of() : clauses;
    }
}
