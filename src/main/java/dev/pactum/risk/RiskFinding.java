package dev.pactum.risk;

import java.util.Objects;

/**
 * A risk a scoring rule found, inserted by the rule itself so the score can always be explained.
 *
 * @param rule      name of the rule that found it
 * @param clauseId  the contract clause concerned ({@code payment}, {@code price}), or {@code null}
 */
public record RiskFinding(String rule, RiskLevel severity, int points, String messageZh, String messageEn,
                          String clauseId) {

    public RiskFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(messageEn, "messageEn");
    }
}
