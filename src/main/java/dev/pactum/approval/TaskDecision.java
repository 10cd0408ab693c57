package dev.pactum.approval;

/**
 * One approver's decision on one approval task, as the task's completion gave it.
 *
 * @param decidedBy  the authenticated user who completed the task
 * @param onBehalfOf whom they acted for (a delegator, or the absent user they deputise for), or {@code null}
 */
record TaskDecision(String taskId, String candidateGroups, String decidedBy, String onBehalfOf, Decision decision,
                    String comment) {
}
