package dev.pactum.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pactum.rules.RuleBase;
import dev.pactum.rules.RulesProperties;
import dev.pactum.rules.RuleCompilationException;
import dev.pactum.rules.ProjectRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reloading a rule folder at run time: only a set that compiles and passes its fixtures goes live. */
class RuleSetReloaderTest {

    private static final Path PROJECT_RULES = Path.of("rules");

    @TempDir
    Path folder;

    private RuleBase live;
    private RuleSetReloader reloader;
    private RulesProperties properties;

    @BeforeEach
    void copyTheProjectRules() throws IOException {
        try (var files = Files.walk(PROJECT_RULES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = folder.resolve(PROJECT_RULES.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        live = ProjectRules.ruleBase();
        live = RuleBase.compile(live.sources());
        properties = new RulesProperties(folder.toUri().toString(), true, Duration.ofMillis(100));
        reloader = new RuleSetReloader(live, properties, new PathMatchingResourcePatternResolver());
    }

    @Test
    void aGoodSetGoesLiveWithANewVersionAfterPassingEveryFixture() throws IOException {
        String before = live.version();
        appendToRiskRules("\n// reviewed 2026-11 by the risk office\n");

        RuleSetReloader.RuleSetReload reload = reloader.reload();

        assertThat(reload.previousVersion()).isEqualTo(before);
        assertThat(reload.version()).isNotEqualTo(before).isEqualTo(live.version());
        assertThat(reload.files()).contains(folder.getFileName() + "/approval-routing.xlsx",
                folder.getFileName() + "/risk-scoring.drl");
        assertThat(reload.fixturesPassed()).isEqualTo(RuleFixturesTest.projectFixtures().cases().size());
    }

    @Test
    void aSetThatDoesNotCompileLeavesTheOldOneLiveAndNamesFileAndLine() throws IOException {
        String before = live.version();
        appendToRiskRules("""

                rule "Broken"
                when
                    ContractFacts( nosuchfield > 1 )
                then
                end
                """);

        assertThatThrownBy(reloader::reload)
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining(folder.getFileName() + "/risk-scoring.drl line ");
        assertThat(live.version()).isEqualTo(before);
    }

    @Test
    void aSetThatBreaksAFixtureIsRefusedNamingTheFixtureAndWhatDiffered() throws IOException {
        String before = live.version();
        Path risk = folder.resolve("risk-scoring.drl");
        Files.writeString(risk, Files.readString(risk).replace("paymentTermDays > 90", "paymentTermDays > 120"));

        assertThatThrownBy(reloader::reload)
                .isInstanceOf(RuleSetReloader.RuleSetRejectedException.class)
                .hasMessageContaining("risk-scoring.json › \"payment term 91 days: +20\": risk score: expected 20 but was 0");
        assertThat(live.version()).isEqualTo(before);
    }

    @Test
    void theWatcherReloadsAChangedFolderOnItsOwn() throws IOException {
        RuleFolderWatcher watcher = new RuleFolderWatcher(reloader, properties);
        watcher.start();
        try {
            String before = live.version();
            appendToRiskRules("\n// first edit\n");
            appendToRiskRules("// second edit of the same save\n");

            await().atMost(Duration.ofSeconds(20)).until(() -> !live.version().equals(before));
            assertThat(live.version()).isEqualTo(RuleBase.compile(folder).version());
        } finally {
            watcher.stop();
        }
    }

    private void appendToRiskRules(String text) throws IOException {
        Path risk = folder.resolve("risk-scoring.drl");
        Files.writeString(risk, Files.readString(risk) + text);
    }
}
