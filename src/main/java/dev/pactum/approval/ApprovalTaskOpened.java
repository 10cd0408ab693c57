package dev.pactum.approval;

import java.util.List;

/** An approval task was created for these candidate groups and users (published inside the engine's transaction). */
record ApprovalTaskOpened(String taskId, long contractId, List<String> candidateGroups, List<String> candidateUsers) {
}
