package dev.pactum.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.rules.RuleFiles;
import dev.pactum.rules.ProjectRules;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every case of {@code rules/fixtures/*.json} on the project's rules: the fixtures are the shipped rule tests. */
class RuleFixturesTest {

    static RuleFixtures projectFixtures() {
        return RuleFixtures.parse(RuleFiles.readFixtures(Path.of("rules").toUri().toString(),
                new PathMatchingResourcePatternResolver()));
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureCasePasses() {
        RuleFixtures fixtures = projectFixtures();
        return fixtures.cases().stream().map(fixture -> DynamicTest.dynamicTest(fixture.toString(), () ->
                assertThat(RuleFixtures.differences(fixture, ProjectRules.ruleBase())).isEmpty()));
    }

    @Test
    void theFixturesCoverRiskAndRouting() {
        RuleFixtures fixtures = projectFixtures();
        assertThat(fixtures.cases()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(fixtures.check(ProjectRules.ruleBase())).isEmpty();
    }
}
