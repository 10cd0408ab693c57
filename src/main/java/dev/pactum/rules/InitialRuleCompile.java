package dev.pactum.rules;

import java.util.concurrent.CompletableFuture;

import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The application's first compile of its rule files, running on a thread of its own ("rule-compile"). Compiling
 * the rules (decision tables to DRL, DRL to Java, the Java with ECJ) is the longest single piece of start-up and
 * needs nothing but the files, so it runs alongside PostgreSQL, Flyway, Hibernate and the engine instead of after
 * them on the main thread.
 *
 * @param location where the rule files are read from ({@code pactum.rules.location})
 * @param compiled the rules once compiled; completes exceptionally with {@link RuleCompilationException} (or the
 *                 error reading the files) when they do not compile
 */
public record InitialRuleCompile(String location, CompletableFuture<RuleBase.Compiled> compiled) {

    static InitialRuleCompile start(String location, ResourcePatternResolver resolver) {
        CompletableFuture<RuleBase.Compiled> compiled = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                compiled.complete(RuleBase.compile(location, resolver));
            } catch (RuntimeException | LinkageError e) {
                compiled.completeExceptionally(e);
            }
        }, "rule-compile");
        thread.setDaemon(true);
        thread.start();
        return new InitialRuleCompile(location, compiled);
    }
}
