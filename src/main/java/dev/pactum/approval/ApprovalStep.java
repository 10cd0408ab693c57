package dev.pactum.approval;

import java.util.Objects;

/**
 * One group's approval that a routing rule requires, inserted by the rule itself.
 *
 * @param level    order of approval, 1 first; steps sharing a level are approved together
 * @param group    the Camunda candidate group
 * @param slaHours time allowed before the approval escalates
 * @param rule     name of the rule that required it
 */
public record ApprovalStep(int level, String group, ApprovalMode mode, int slaHours, String rule) {

    public ApprovalStep {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rule, "rule");
    }
}
