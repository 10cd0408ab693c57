package dev.pactum.dossier;

import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractType;
import dev.pactum.reporting.ContractRow;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of the contract list; {@code riskLevel} is the latest assessment's, {@code null} before the first. */
public record ContractSummary(Long id, String number, String title, ContractType type, ContractStatus status,
                              String owner, Long customerId, String customerName, BigDecimal amount,
                              String currency, LocalDate startDate, LocalDate endDate, String riskLevel) {

    static ContractSummary of(ContractRow row) {
        return new ContractSummary(row.id(), row.number(), row.title(), row.type(), row.status(), row.owner(),
                row.customerId(), row.customerName(), row.amount(), row.currency(), row.startDate(), row.endDate(),
                row.riskLevel());
    }
}
