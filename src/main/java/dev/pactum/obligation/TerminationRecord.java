package dev.pactum.obligation;

import dev.pactum.contract.ContractStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Why, by whom and when a contract was ended early. */
@Entity
@Table(name = "contract_termination")
class TerminationRecord {

    @Id
    private Long contractId;
    private String reason;
    private String terminatedBy;
    private Instant terminatedAt;
    @Enumerated(EnumType.STRING)
    private ContractStatus fromStatus;

    protected TerminationRecord() {
    }

    TerminationRecord(long contractId, String reason, String terminatedBy, Instant terminatedAt,
                      ContractStatus fromStatus) {
        this.contractId = contractId;
        this.reason = reason;
        this.terminatedBy = terminatedBy;
        this.terminatedAt = terminatedAt;
        this.fromStatus = fromStatus;
    }

    Long getContractId() { return contractId; }
    String getReason() { return reason; }
    String getTerminatedBy() { return terminatedBy; }
    Instant getTerminatedAt() { return terminatedAt; }
    ContractStatus getFromStatus() { return fromStatus; }
}
