package dev.pactum.rules;

import java.util.List;

/** The facts a decision's rules inserted, with the version of the rule set that produced them. */
public record RuleResults<T>(List<T> results, String ruleSetVersion) {

    public RuleResults {
        results = List.copyOf(results);
    }
}
