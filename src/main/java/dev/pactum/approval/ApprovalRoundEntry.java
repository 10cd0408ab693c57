package dev.pactum.approval;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** How the routing rules decided one approval round of a contract. */
@Entity
@Immutable
@Table(name = "approval_round")
class ApprovalRoundEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long contractId;
    private int round;

    /** The rule that approved the round without a human step (快速通道), or {@code null}. */
    private String fastLaneRule;

    private String ruleSetVersion;
    private Instant startedAt;

    protected ApprovalRoundEntry() {
    }

    ApprovalRoundEntry(long contractId, int round, ApprovalChain chain, Instant startedAt) {
        this.contractId = contractId;
        this.round = round;
        this.fastLaneRule = chain.fastLaneRule();
        this.ruleSetVersion = chain.ruleSetVersion();
        this.startedAt = startedAt;
    }

    int getRound() { return round; }
    String getFastLaneRule() { return fastLaneRule; }
    String getRuleSetVersion() { return ruleSetVersion; }
}
