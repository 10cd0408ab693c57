package dev.pactum.approval;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One level of a contract's approval chain in one round, with its live state. */
@Entity
@Table(name = "approval_level")
public class ApprovalLevelEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long contractId;
    private int round;
    private int level;

    @Enumerated(EnumType.STRING)
    private ApprovalMode mode;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> groups;

    private int slaHours;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> addedBy;

    @Enumerated(EnumType.STRING)
    private ApprovalLevelState state = ApprovalLevelState.PENDING;

    private String ruleSetVersion;
    private Instant startedAt;
    private Instant endedAt;
    private Instant reminderAt;
    private Instant dueAt;
    private Instant remindedAt;
    private Instant escalatedAt;

    @Version
    private long version;

    protected ApprovalLevelEntry() {
    }

    ApprovalLevelEntry(Long contractId, int round, ApprovalLevel level, String ruleSetVersion) {
        this.contractId = contractId;
        this.round = round;
        this.level = level.level();
        this.mode = level.mode();
        this.groups = level.groups();
        this.slaHours = level.slaHours();
        this.addedBy = level.addedBy();
        this.ruleSetVersion = ruleSetVersion;
    }

    /**
     * The candidate-group lists of this level's tasks: one task per group for 会签 (ALL), one task offered to all
     * groups for 或签 (ANY). Camunda splits a comma-separated candidate list.
     */
    public List<String> taskCandidateGroups() {
        return mode == ApprovalMode.ALL ? groups : List.of(String.join(",", groups));
    }

    void open(Instant now, Instant reminderAt, Instant dueAt) {
        state = ApprovalLevelState.ACTIVE;
        startedAt = now;
        this.reminderAt = reminderAt;
        this.dueAt = dueAt;
        remindedAt = null;
        escalatedAt = null;
    }

    void reminded(Instant now) {
        remindedAt = now;
    }

    void escalated(Instant now) {
        escalatedAt = now;
    }

    void close(ApprovalLevelState outcome, Instant now) {
        state = outcome;
        endedAt = now;
    }

    public Long getId() { return id; }
    public Long getContractId() { return contractId; }
    public int getRound() { return round; }
    public int getLevel() { return level; }
    public ApprovalMode getMode() { return mode; }
    public List<String> getGroups() { return groups; }
    public int getSlaHours() { return slaHours; }
    public List<String> getAddedBy() { return addedBy; }
    public ApprovalLevelState getState() { return state; }
    public String getRuleSetVersion() { return ruleSetVersion; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public Instant getReminderAt() { return reminderAt; }
    public Instant getDueAt() { return dueAt; }
    public Instant getRemindedAt() { return remindedAt; }
    public Instant getEscalatedAt() { return escalatedAt; }
}
