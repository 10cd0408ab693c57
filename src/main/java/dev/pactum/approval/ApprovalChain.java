package dev.pactum.approval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Who must approve a contract, level after level. An empty chain means no human approval is needed.
 *
 * @param fastLaneRule   the rule that approved the contract without a human step, or {@code null}
 * @param ruleSetVersion version stamp of the rules that produced this chain
 */
public record ApprovalChain(List<ApprovalLevel> levels, String fastLaneRule, String ruleSetVersion) {

    public ApprovalChain {
        levels = List.copyOf(levels);
        if (fastLaneRule != null && !levels.isEmpty()) {
            throw new IllegalArgumentException("Fast lane (" + fastLaneRule + ") with approval levels " + levels);
        }
    }

    public ApprovalChain(List<ApprovalLevel> levels, String ruleSetVersion) {
        this(levels, null, ruleSetVersion);
    }

    /** No human approval: {@code fastLaneRule} approved the contract. */
    public static ApprovalChain fastLane(String fastLaneRule, String ruleSetVersion) {
        return new ApprovalChain(List.of(), fastLaneRule, ruleSetVersion);
    }

    /**
     * Groups the steps by their level number and renumbers the levels 1..n in that order, so rules may leave gaps
     * (a rule for level 3 without one for level 2).
     */
    public static ApprovalChain of(Collection<ApprovalStep> steps, String ruleSetVersion) {
        Map<Integer, List<ApprovalStep>> stepsByLevel = new TreeMap<>();
        steps.forEach(step -> stepsByLevel.computeIfAbsent(step.level(), level -> new ArrayList<>()).add(step));
        List<ApprovalLevel> levels = new ArrayList<>();
        for (List<ApprovalStep> stepsOfLevel : stepsByLevel.values()) {
            levels.add(merge(levels.size() + 1, stepsOfLevel));
        }
        return new ApprovalChain(levels, ruleSetVersion);
    }

    public boolean needsApproval() {
        return !levels.isEmpty();
    }

    /**
     * Whether {@code other} asks the same people in the same way: the same fast-lane rule, or the same groups on
     * the same levels in the same mode. SLAs and the rules' names may differ.
     */
    public boolean sameApproversAs(ApprovalChain other) {
        return Objects.equals(fastLaneRule, other.fastLaneRule)
                && levels.stream().map(ApprovalLevel::approvers).toList()
                        .equals(other.levels.stream().map(ApprovalLevel::approvers).toList());
    }

    private static ApprovalLevel merge(int level, List<ApprovalStep> steps) {
        ApprovalMode mode = steps.stream().anyMatch(step -> step.mode() == ApprovalMode.ALL)
                ? ApprovalMode.ALL
                : ApprovalMode.ANY;
        List<String> groups = steps.stream().map(ApprovalStep::group).distinct().sorted().toList();
        int slaHours = steps.stream().mapToInt(ApprovalStep::slaHours).min().orElseThrow();
        List<String> addedBy = steps.stream().map(ApprovalStep::rule).distinct().sorted().toList();
        return new ApprovalLevel(level, mode, groups, slaHours, addedBy);
    }
}
