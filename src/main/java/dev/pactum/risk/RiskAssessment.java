package dev.pactum.risk;

import java.util.Comparator;
import java.util.List;

/**
 * @param score          sum of the findings' points, capped at {@link #MAX_SCORE}
 * @param findings       most points first, then by rule name
 * @param ruleSetVersion version stamp of the rules that produced this assessment
 */
public record RiskAssessment(int score, RiskLevel level, List<RiskFinding> findings, String ruleSetVersion) {

    public static final int MAX_SCORE = 100;

    private static final Comparator<RiskFinding> MOST_POINTS_FIRST = Comparator
            .comparingInt(RiskFinding::points).reversed()
            .thenComparing(RiskFinding::rule)
            .thenComparing(RiskFinding::messageEn);

    public RiskAssessment {
        findings = List.copyOf(findings);
    }

    public static RiskAssessment of(List<RiskFinding> findings, String ruleSetVersion) {
        int score = Math.min(MAX_SCORE, findings.stream().mapToInt(RiskFinding::points).sum());
        return new RiskAssessment(score, RiskLevel.of(score), findings.stream().sorted(MOST_POINTS_FIRST).toList(),
                ruleSetVersion);
    }
}
