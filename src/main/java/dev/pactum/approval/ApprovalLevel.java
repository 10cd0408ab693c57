package dev.pactum.approval;

import java.util.List;

/**
 * One level of the chain, approved after the levels before it (依次审批).
 *
 * @param level    1..n, consecutive
 * @param mode     ALL (会签) if any rule asked for it, else ANY (或签)
 * @param groups   candidate groups, distinct, alphabetical
 * @param slaHours the shortest SLA the rules asked for
 * @param addedBy  names of the rules that put groups on this level, alphabetical
 */
public record ApprovalLevel(int level, ApprovalMode mode, List<String> groups, int slaHours, List<String> addedBy) {

    public ApprovalLevel {
        groups = List.copyOf(groups);
        addedBy = List.copyOf(addedBy);
    }

    /** Who approves on this level and how: the level number, the mode and the groups. */
    Approvers approvers() {
        return new Approvers(level, mode, groups);
    }

    record Approvers(int level, ApprovalMode mode, List<String> groups) {
    }
}
