package dev.pactum.integration;

import java.time.LocalDate;

/**
 * The project-management system reported a milestone accepted ({@code milestone.accepted}), published as a Spring
 * application event in the transaction that stored the event; the payment schedule (feature {@code obligation})
 * starts its "N days after acceptance" milestones from it. Published once per event id.
 *
 * @param milestoneId the contract's payment milestone it accepts, when the sender knows it; may be null
 */
public record ProjectMilestoneAccepted(String eventId, long contractId, String contractNumber, String projectId,
                                       String milestoneId, LocalDate acceptedOn) {
}
