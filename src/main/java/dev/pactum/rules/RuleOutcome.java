package dev.pactum.rules;

import java.util.List;

/** Every fact left in a decision's session after its rules fired, with the version of the rule set. */
public record RuleOutcome(List<Object> facts, String ruleSetVersion) {

    public RuleOutcome {
        facts = List.copyOf(facts);
    }

    public <T> List<T> resultsOf(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
