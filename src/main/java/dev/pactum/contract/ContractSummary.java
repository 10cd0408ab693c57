package dev.pactum.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of the contract list. */
public record ContractSummary(Long id, String number, String title, ContractType type, ContractStatus status,
                              String owner, Long customerId, String customerName, BigDecimal amount,
                              String currency, LocalDate startDate, LocalDate endDate, String riskLevel) {

    static ContractSummary of(Contract contract) {
        return new ContractSummary(contract.getId(), contract.getNumber(), contract.getTitle(), contract.getType(),
                contract.getStatus(), contract.getOwner(), contract.getCustomer().getId(),
                contract.getCustomer().getName(), contract.getAmount(), contract.getCurrency(),
                contract.getStartDate(), contract.getEndDate(), contract.getRiskLevel());
    }
}
