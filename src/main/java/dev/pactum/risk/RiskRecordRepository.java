package dev.pactum.risk;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RiskRecordRepository extends JpaRepository<RiskRecord, Long> {

    Optional<RiskRecord> findFirstByContractIdOrderByIdDesc(long contractId);
}
