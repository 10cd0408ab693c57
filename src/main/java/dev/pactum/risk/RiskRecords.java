package dev.pactum.risk;

import java.time.Clock;
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

    /** The latest assessment, not re-run on today's rules; empty before the contract was first submitted. */
    @Transactional(readOnly = true)
    public Optional<RiskAssessment> latest(long contractId) {
        return records.findFirstByContractIdOrderByIdDesc(contractId).map(RiskRecord::assessment);
    }
}
