package dev.pactum.contract;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A supplementary agreement (补充协议) to a contract in force: what it changes and why. A value left out stays as it
 * is; {@code clauses} maps a clause id to its new negotiated text. {@link ContractAmendments} checks the rest.
 */
public record AmendmentRequest(
        @NotBlank @Size(max = 2000) String reason,
        @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal amount,
        LocalDate endDate,
        @Size(max = 50) Map<String, @NotBlank @Size(max = 20000) String> clauses) {

    public AmendmentRequest {
        clauses = clauses == null ? Map.of() : Map.copyOf(clauses);
    }
}
