package dev.pactum.risk;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One risk assessment of a contract, as it was made when the contract entered an approval round. */
@Entity
@Immutable
@Table(name = "risk_assessment")
class RiskRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long contractId;
    private int round;
    private int score;

    @Enumerated(EnumType.STRING)
    private RiskLevel level;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<RiskFinding> findings;

    private String ruleSetVersion;
    private Instant assessedAt;

    protected RiskRecord() {
    }

    RiskRecord(long contractId, int round, RiskAssessment risk, Instant assessedAt) {
        this.contractId = contractId;
        this.round = round;
        this.score = risk.score();
        this.level = risk.level();
        this.findings = risk.findings();
        this.ruleSetVersion = risk.ruleSetVersion();
        this.assessedAt = assessedAt;
    }

    RiskAssessment assessment() {
        return new RiskAssessment(score, level, findings, ruleSetVersion);
    }
}
