package dev.pactum.obligation;

import dev.pactum.contract.MilestoneEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An acceptance or delivery the project-management system reported for a contract's project (one per event). */
@Entity
@Table(name = "project_event")
class ProjectEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long contractId;
    @Enumerated(EnumType.STRING)
    private MilestoneEvent event;
    private String projectId;
    private LocalDate occurredOn;
    private Integer milestoneNo;
    private String inboundEventId;
    private Instant receivedAt;
    private String started = "";

    protected ProjectEvent() {
    }

    ProjectEvent(long contractId, MilestoneEvent event, String projectId, LocalDate occurredOn, Integer milestoneNo,
                 String inboundEventId, Instant receivedAt) {
        this.contractId = contractId;
        this.event = event;
        this.projectId = projectId;
        this.occurredOn = occurredOn;
        this.milestoneNo = milestoneNo;
        this.inboundEventId = inboundEventId;
        this.receivedAt = receivedAt;
    }

    /** Whether it starts milestone {@code no} counting from {@code event} of {@code project}. */
    boolean starts(MilestoneEvent milestoneEvent, String project, int no) {
        return event == milestoneEvent && projectId.equals(project) && (milestoneNo == null || milestoneNo == no);
    }

    void started(int milestoneNo) {
        started = started.isEmpty() ? String.valueOf(milestoneNo) : started + "," + milestoneNo;
    }

    LocalDate getOccurredOn() { return occurredOn; }
    MilestoneEvent getEvent() { return event; }
    String getProjectId() { return projectId; }
}
