package dev.pactum.approval;

import java.util.Objects;

/**
 * Inserted by a routing rule that approves a contract without any human step (快速通道); the structural rules
 * then drop every approval step, and the chain records this rule as the one that approved it.
 *
 * @param rule name of the rule that approved the contract
 */
public record FastLane(String rule) {

    public FastLane {
        Objects.requireNonNull(rule, "rule");
    }
}
