package dev.pactum.dossier;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractType;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of the contract list; {@code riskLevel} is the latest assessment's, {@code null} before the first. */
public record ContractSummary(Long id, String number, String title, ContractType type, ContractStatus status,
                              String owner, Long customerId, String customerName, BigDecimal amount,
                              String currency, LocalDate startDate, LocalDate endDate, String riskLevel) {

    static ContractSummary of(Contract contract, String riskLevel) {
        return new ContractSummary(contract.getId(), contract.getNumber(), contract.getTitle(), contract.getType(),
                contract.getStatus(), contract.getOwner(), contract.getCustomer().getId(),
                contract.getCustomer().getName(), contract.getAmount(), contract.getCurrency(),
                contract.getStartDate(), contract.getEndDate(), riskLevel);
    }
}
