package dev.pactum.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RiskAssessmentTest {

    @ParameterizedTest
    @CsvSource({"0, LOW", "29, LOW", "30, MEDIUM", "59, MEDIUM", "60, HIGH", "100, HIGH"})
    void theScoreDecidesTheLevel(int score, RiskLevel level) {
        assertThat(RiskAssessment.of(List.of(finding("Some rule", score)), "v1").level()).isEqualTo(level);
    }

    @Test
    void theScoreIsCappedAt100() {
        RiskAssessment assessment = RiskAssessment.of(
                List.of(finding("First rule", 60), finding("Second rule", 50)), "v1");

        assertThat(assessment.score()).isEqualTo(100);
        assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void findingsWithEqualPointsAreOrderedByRule() {
        RiskAssessment assessment = RiskAssessment.of(
                List.of(finding("Beta rule", 10), finding("Gamma rule", 30), finding("Alpha rule", 10)), "v1");

        assertThat(assessment.findings()).extracting(RiskFinding::rule)
                .containsExactly("Gamma rule", "Alpha rule", "Beta rule");
    }

    private static RiskFinding finding(String rule, int points) {
        return new RiskFinding(rule, RiskLevel.LOW, points, "中文说明", "English text", null);
    }
}
