package dev.pactum.reporting;

import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One contract as lists and exports show it. */
public record ContractRow(long id, String number, String title, ContractType type, ContractStatus status,
                          String owner, long customerId, String customerName, BigDecimal amount, String currency,
                          LocalDate startDate, LocalDate endDate, Instant createdAt, String riskLevel) {
}
