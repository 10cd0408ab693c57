package dev.pactum.rules;

import java.util.Objects;

/**
 * One rule file as loaded: {@code name} is the file's path starting with the rule folder's own name
 * ({@code rules/risk-scoring.drl}), so compile errors and version stamps read the same wherever the folder lives.
 */
public record RuleSource(String name, String content) {

    public RuleSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
