package dev.pactum.risk;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps every risk assessment of a contract, one per approval round, exactly as it was made. */
@Service
@Transactional
public class RiskRecords {

    private final RiskRecordRepository records;
    private final Clock clock;

    public RiskRecords(RiskRecordRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    public void record(long contractId, int round, RiskAssessment risk) {
        records.save(new RiskRecord(contractId, round, risk, clock.instant()));
    }

    /** The latest assessment's level of each of the contracts that has one. */
    @Transactional(readOnly = true)
    public Map<Long, RiskLevel> latestLevels(Collection<Long> contractIds) {
        Map<Long, RiskLevel> levels = new HashMap<>();
        if (!contractIds.isEmpty()) {
            records.findLatestLevels(contractIds).forEach(row -> levels.put(row.contractId(), row.level()));
        }
        return levels;
    }

    /** The latest assessment, not re-run on today's rules; empty before the contract was first submitted. */
    @Transactional(readOnly = true)
    public Optional<RiskAssessment> latest(long contractId) {
        return records.findFirstByContractIdOrderByIdDesc(contractId).map(RiskRecord::assessment);
    }
}
