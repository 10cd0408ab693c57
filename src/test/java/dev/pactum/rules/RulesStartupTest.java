package dev.pactum.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The rules compile on a thread of their own from the start of the application: readiness is not UP before they
 * are compiled, a call that needs them waits for them, and a rule file that does not compile still stops start-up.
 */
class RulesStartupTest {

    private static final String GREETING_RULES = """
            package dev.pactum.test.greeting;

            rule "Greet every number"
            when
                $number : Integer()
            then
                insert("hello " + $number);
            end
            """;

    private static final List<RuleSource> GREETING = List.of(new RuleSource("rules/greeting.drl", GREETING_RULES));

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new RuleCompileInitializer())
            .withUserConfiguration(RulesConfiguration.class, RuleBase.class);

    @Test
    void readinessIsOutOfServiceWhileTheRulesCompileAndUpOnceTheyAre() {
        CompletableFuture<RuleBase.Compiled> compiling = new CompletableFuture<>();
        RuleBase rules = new RuleBase(compiling);
        RulesHealthIndicator readiness = new RulesHealthIndicator(rules);

        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(rules.isCompiled()).isFalse();

        RuleBase.Compiled compiled = RuleBase.Compiled.of(GREETING);
        compiling.complete(compiled);

        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
        assertThat(readiness.health().getDetails()).containsEntry("version", compiled.version());
    }

    @Test
    void rulesThatFailedToCompileKeepReadinessDownWithTheFileAndLine() {
        CompletableFuture<RuleBase.Compiled> compiling = new CompletableFuture<>();
        RuleBase rules = new RuleBase(compiling);
        compiling.completeExceptionally(new RuleCompilationException("rules/broken.drl line 5: Unable to resolve"));

        assertThat(new RulesHealthIndicator(rules).health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(new RulesHealthIndicator(rules).health().getDetails())
                .containsEntry("error", "rules/broken.drl line 5: Unable to resolve");
    }

    @Test
    void aDecisionAskedForWhileTheRulesCompileWaitsForThem() {
        CompletableFuture<RuleBase.Compiled> compiling = new CompletableFuture<>();
        RuleBase rules = new RuleBase(compiling);

        CompletableFuture<RuleResults<String>> decision = CompletableFuture.supplyAsync(
                () -> rules.fire("dev.pactum.test.greeting", List.of(3), String.class));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !decision.isDone());

        compiling.complete(RuleBase.Compiled.of(GREETING));

        assertThat(decision.join().results()).containsExactly("hello 3");
    }

    @Test
    void rulesReloadedWhileTheFirstCompileRanStayLive() {
        CompletableFuture<RuleBase.Compiled> compiling = new CompletableFuture<>();
        RuleBase rules = new RuleBase(compiling);
        RuleBase reloaded = RuleBase.compile(List.of(new RuleSource("rules/greeting.drl",
                GREETING_RULES.replace("hello ", "hi "))));

        rules.replaceWith(reloaded);
        compiling.complete(RuleBase.Compiled.of(GREETING));

        assertThat(rules.version()).isEqualTo(reloaded.version());
        assertThat(rules.fire("dev.pactum.test.greeting", List.of(1), String.class).results()).containsExactly("hi 1");
    }

    @Test
    void theRuleBaseTakesOverTheCompileStartedBeforeTheContextFromTheConfiguredFolder(@TempDir Path folder)
            throws IOException {
        Files.writeString(folder.resolve("greeting.drl"), GREETING_RULES);

        context.withPropertyValues("pactum.rules.location=" + folder.toUri()).run(started -> {
            assertThat(started).hasNotFailed();
            InitialRuleCompile early = started.getBean(InitialRuleCompile.class);
            RuleBase rules = started.getBean(RuleBase.class);
            assertThat(early.location()).isEqualTo(folder.toUri().toString());
            assertThat(rules.initialCompile()).isSameAs(early.compiled());
            assertThat(rules.isCompiled()).isTrue();
            assertThat(rules.version()).isEqualTo(RuleBase.compile(folder).version());
        });
    }

    @Test
    void aBrokenRuleFileCompiledInTheBackgroundStillStopsStartUp(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("broken.drl"),
                "package broken;\n\nrule \"Unknown fact\"\nwhen\n  Nonexistent()\nthen\nend\n");

        context.withPropertyValues("pactum.rules.location=" + folder.toUri())
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause()
                        .isInstanceOf(RuleCompilationException.class)
                        .hasMessageContaining(folder.getFileName() + "/broken.drl line 5: Unable to resolve ObjectType 'Nonexistent'"));
    }
}
