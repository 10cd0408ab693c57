package dev.pactum.risk;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.JpaRepository;

interface RiskRecordRepository extends JpaRepository<RiskRecord, Long> {

    Optional<RiskRecord> findFirstByContractIdOrderByIdDesc(long contractId);

    @Query("""
            select new dev.pactum.risk.RiskRecordRepository$LatestLevel(r.contractId, r.level) from RiskRecord r
            where r.contractId in :contractIds
              and r.id = (select max(l.id) from RiskRecord l where l.contractId = r.contractId)
            """)
    List<LatestLevel> findLatestLevels(@Param("contractIds") Collection<Long> contractIds);

    record LatestLevel(long contractId, RiskLevel level) {
    }
}
