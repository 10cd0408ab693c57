package dev.pactum.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Start-up behaviour of the rule base in a minimal Spring context (no database, no engine). */
class RulesConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(RulesConfiguration.class, RuleBase.class);

    @Test
    void byDefaultTheRulesShippedOnTheClasspathAreLoaded() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(RulesProperties.class).location()).isEqualTo("classpath:rules/");
            assertThat(started.getBean(RuleBase.class).version()).isEqualTo(ProjectRules.ruleBase().version());
        });
    }

    @Test
    void aBrokenRuleFileInTheConfiguredFolderStopsStartUp(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("broken.drl"), "package broken;\n\nrule \"Unknown fact\"\nwhen\n  Nonexistent()\nthen\nend\n");

        context.withPropertyValues("pactum.rules.location=" + folder.toUri())
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause()
                        .isInstanceOf(RuleCompilationException.class)
                        .hasMessageContaining(folder.getFileName() + "/broken.drl line 5: Unable to resolve ObjectType 'Nonexistent'"));
    }
}
